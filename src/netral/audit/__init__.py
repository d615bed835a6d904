"""The append-only, hash-chained audit log: every state change in Netral is recorded here, in the same transaction."""
