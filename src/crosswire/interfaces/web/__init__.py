"""The server-rendered web UI and the Atom feed of ``crosswire serve``."""
