//! Phoenix importer (todo).
