package main

import (
	"io"
	"os"
	"runtime"
	"runtime/pprof"

	"github.com/partnet/partnet/internal/atomicfile"
)

// runProfiled is run with optional CPU and heap profiles, written to the
// files named by the environment variables PARTNET_CPUPROFILE and
// PARTNET_MEMPROFILE. They are for performance work (go tool pprof) and
// deliberately not flags: the command line stays what users need. Like
// every file partnet writes, a profile appears only when complete.
func runProfiled(args []string) int {
	code := exitFailure
	runAndHeap := func() {
		code = run(args, os.Stdin, os.Stdout, os.Stderr)
		if path := os.Getenv("PARTNET_MEMPROFILE"); path != "" {
			err := atomicfile.WriteFile(path, func(w io.Writer) error {
				runtime.GC()
				return pprof.WriteHeapProfile(w)
			})
			if err != nil {
				tprintf(os.Stderr, "partnet: heap profile: %v\n", err)
			}
		}
	}
	path := os.Getenv("PARTNET_CPUPROFILE")
	if path == "" {
		runAndHeap()
		return code
	}
	err := atomicfile.WriteFile(path, func(w io.Writer) error {
		if err := pprof.StartCPUProfile(w); err != nil {
			return err
		}
		runAndHeap()
		pprof.StopCPUProfile()
		return nil
	})
	if err != nil {
		tprintf(os.Stderr, "partnet: cpu profile: %v\n", err)
		return exitFailure
	}
	return code
}
