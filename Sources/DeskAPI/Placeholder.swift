// Placeholder: the DeskAPI target's sources replace this file.
