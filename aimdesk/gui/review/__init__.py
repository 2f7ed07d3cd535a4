"""The Review page: the queue of doubtful pairs, decided side by side from the keyboard."""
