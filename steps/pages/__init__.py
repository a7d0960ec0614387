"""Page objects: one per portal page or wizard step, locating by role and the guides' words."""
