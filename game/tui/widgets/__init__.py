"""Small display widgets: they show what the screen sets on them and post messages up."""
