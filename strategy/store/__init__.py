"""Everything that opens a database session: records, audit, workspaces, import and export."""
