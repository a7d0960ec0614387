"""MyGuichet.lu, simulated: the private space and its DSP consent (patient guide pp. 4–5)."""
