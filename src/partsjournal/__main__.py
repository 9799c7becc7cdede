from partsjournal.cli.root import main

main()
