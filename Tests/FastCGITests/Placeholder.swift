// Placeholder: FastCGITests's tests replace this file.
