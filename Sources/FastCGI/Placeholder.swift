// Placeholder: the FastCGI target's sources replace this file.
