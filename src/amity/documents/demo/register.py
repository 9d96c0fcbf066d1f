def load(stdout):
    return {}
