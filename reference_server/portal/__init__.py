"""The eSanté portal (www.esante.lu) as the quick guides show it."""
