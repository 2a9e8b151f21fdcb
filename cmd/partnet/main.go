// Command partnet turns public-service partnerships into a network and
// answers what policy analysts, funders and researchers ask of it. Run
// "partnet --help" for the commands.
package main

import "os"

func main() { os.Exit(runProfiled(os.Args[1:])) }
