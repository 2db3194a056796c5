"""`python -m claims`: the same command line as `claims`, for environments without the script."""

from claims.cli import main

main(prog_name="claims")
