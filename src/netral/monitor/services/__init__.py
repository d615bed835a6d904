"""Services of media monitoring: plain functions that do the work and write audit entries."""
