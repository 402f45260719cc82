// Placeholder: the DeskCore target's sources replace this file.
