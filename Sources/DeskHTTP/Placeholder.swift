// Placeholder: the DeskHTTP target's sources replace this file.
