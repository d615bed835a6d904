"""Prevention: integrity pacts and neutrality pledges, socialisation events and rakor, circulars and advisories."""
