// Placeholder: DeskdTests's tests replace this file.
