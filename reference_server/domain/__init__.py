"""Pure rules of the eSanté world: no web, storage or clock imports here."""
