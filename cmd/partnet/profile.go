package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

// runProfiled is run with optional CPU and heap profiles, written to the
// files named by the environment variables PARTNET_CPUPROFILE and
// PARTNET_MEMPROFILE. They are for performance work (go tool pprof) and
// deliberately not flags: the command line stays what users need.
func runProfiled(args []string) int {
	if path := os.Getenv("PARTNET_CPUPROFILE"); path != "" {
		f, err := os.Create(path)
		if err != nil {
			fmt.Fprintf(os.Stderr, "partnet: cpu profile: %v\n", err)
			return exitFailure
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(os.Stderr, "partnet: cpu profile: %v\n", err)
			return exitFailure
		}
		defer pprof.StopCPUProfile()
	}
	code := run(args, os.Stdin, os.Stdout, os.Stderr)
	if path := os.Getenv("PARTNET_MEMPROFILE"); path != "" {
		f, err := os.Create(path)
		if err == nil {
			runtime.GC()
			err = pprof.WriteHeapProfile(f)
			f.Close()
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "partnet: heap profile: %v\n", err)
		}
	}
	return code
}
