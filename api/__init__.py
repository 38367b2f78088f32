"""The edges of referat: the command line and the HTTP service. Thin: each call goes to ``retrieval``."""
