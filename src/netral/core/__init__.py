"""What every other app shares: the base pages, the health check and the `netral` commands for the web app."""
