"""Reading and writing diagrams: native JSON, tables, graph formats, images."""
