"""The strategy brief: one builder gathers the content from the records; one renderer per format."""
