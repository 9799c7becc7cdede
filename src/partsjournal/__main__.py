from partsjournal.cli import main

main()
