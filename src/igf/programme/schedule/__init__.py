"""The annual meeting's schedule: rooms and slot grids, the solver, the staff's grid editor,
versioned releases, the public schedule, its exports and the static snapshot."""
