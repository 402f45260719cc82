// Placeholder: the MariaDB target's sources replace this file.
