// Placeholder: DeskCoreTests's tests replace this file.
