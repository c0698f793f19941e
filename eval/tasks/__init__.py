"""One module per evaluation task, each with ``run(split) -> Result``."""
