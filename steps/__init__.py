"""Step definitions binding the guides' sentences to page objects, one module per concept."""
