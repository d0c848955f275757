"""Super-complaint pages: public, the designated body's, and the inspectorate caseworkers'."""
