// Placeholder: MariaDBTests's tests replace this file.
