"""The reference world: the eSanté portal as the quick guides show it, and its neighbours."""
