// Command native times the SayWho engine per page, natively, for
// scripts/bench.mjs. It prints one JSON object per line.
//
//	native -list pages.tsv   time every page of the list (corpus \t path \t url)
//	native -mem  pages.tsv   peak heap of one call per page, each after a GC
//
// -cpuprofile FILE writes a CPU profile of the run (go tool pprof).
//
// Every page is read before timing starts; .gz files are decompressed. In
// -list mode the first call of the process is reported on its own
// ("first": true, the native cold call), then a few pages warm the heap up
// and every page is timed once. Run it with GODEBUG=inittrace=1 to see what
// package initialisation costs.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync/atomic"
	"time"

	"github.com/saywho/saywho/internal/engine"
)

type page struct {
	Corpus string
	Path   string
	URL    string
	HTML   []byte
}

type record struct {
	Corpus     string  `json:"corpus"`
	Path       string  `json:"path"`
	Bytes      int     `json:"bytes"`
	MS         float64 `json:"ms"`
	First      bool    `json:"first,omitempty"`
	Allocs     uint64  `json:"allocs"`
	AllocBytes uint64  `json:"allocBytes"`
	PeakHeap   uint64  `json:"peakHeap,omitempty"`
	HeapBefore uint64  `json:"heapBefore,omitempty"`
	SysAfter   uint64  `json:"sysAfter,omitempty"`
	Found      bool    `json:"found"`
	JSONMS     float64 `json:"jsonMs"`
	JSONBytes  int     `json:"jsonBytes"`
	Error      string  `json:"error,omitempty"`
}

func main() {
	list := flag.String("list", "", "time every page of this list")
	mem := flag.String("mem", "", "measure the peak heap of one call per page of this list")
	warm := flag.Int("warm", 5, "pages processed untimed before timing")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the run to this file")
	repeat := flag.Int("repeat", 1, "time each page this many times and report the fastest")
	flag.BoolVar(&noLimit, "nolimit", false, "run the engine without its time limit (for the size rows)")
	flag.Parse()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "native:", err)
			os.Exit(1)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, "native:", err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	out := json.NewEncoder(os.Stdout)
	switch {
	case *list != "":
		pages := mustRead(*list)
		timeAll(pages, *warm, *repeat, out)
	case *mem != "":
		for _, p := range mustRead(*mem) {
			_ = out.Encode(peak(p))
		}
	default:
		flag.Usage()
	}
}

func mustRead(list string) []page {
	pages, err := readList(list)
	if err != nil {
		fmt.Fprintln(os.Stderr, "native:", err)
		os.Exit(1)
	}
	return pages
}

func readList(list string) ([]page, error) {
	f, err := os.Open(list)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var pages []page
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		parts := strings.Split(sc.Text(), "\t")
		if len(parts) < 2 {
			continue
		}
		p := page{Corpus: parts[0], Path: parts[1]}
		if len(parts) > 2 {
			p.URL = parts[2]
		}
		raw, err := os.ReadFile(p.Path)
		if err != nil {
			return nil, err
		}
		if strings.HasSuffix(p.Path, ".gz") {
			zr, err := gzip.NewReader(bytes.NewReader(raw))
			if err != nil {
				return nil, fmt.Errorf("%s: %w", p.Path, err)
			}
			if raw, err = io.ReadAll(zr); err != nil {
				return nil, fmt.Errorf("%s: %w", p.Path, err)
			}
		}
		p.HTML = raw
		pages = append(pages, p)
	}
	return pages, sc.Err()
}

func timeAll(pages []page, warm, repeat int, out *json.Encoder) {
	if len(pages) == 0 {
		return
	}
	r := timeOne(pages[0])
	r.First = true
	_ = out.Encode(r)
	for i := 0; i < warm && i < len(pages); i++ {
		_, _ = engine.Process(pages[i].HTML, options(pages[i]))
	}
	for _, p := range pages {
		best := timeOne(p)
		for i := 1; i < repeat; i++ {
			if r := timeOne(p); r.MS < best.MS {
				best = r
			}
		}
		_ = out.Encode(best)
	}
}

// noLimit lifts the engine's time limit.
var noLimit bool

func options(p page) engine.Options {
	o := engine.Options{URL: p.URL}
	if noLimit {
		o.Timeout = -1
	}
	return o
}

func timeOne(p page) record {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	res, err := engine.Process(p.HTML, options(p))
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	r := record{
		Corpus: p.Corpus, Path: p.Path, Bytes: len(p.HTML),
		MS:         float64(elapsed.Nanoseconds()) / 1e6,
		Allocs:     after.Mallocs - before.Mallocs,
		AllocBytes: after.TotalAlloc - before.TotalAlloc,
	}
	if err != nil {
		r.Error = err.Error()
	} else {
		r.Found = res.Found
		start = time.Now()
		out := res.JSON()
		r.JSONMS = float64(time.Since(start).Nanoseconds()) / 1e6
		r.JSONBytes = len(out)
	}
	return r
}

// peak runs one call after a full GC while a sampler reads the live heap
// every 200 µs; the highest HeapAlloc seen, minus the heap before the call,
// is the call's peak.
func peak(p page) record {
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	var top atomic.Uint64
	top.Store(before.HeapAlloc)
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		var ms runtime.MemStats
		t := time.NewTicker(200 * time.Microsecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				runtime.ReadMemStats(&ms)
				if ms.HeapAlloc > top.Load() {
					top.Store(ms.HeapAlloc)
				}
			}
		}
	}()
	r := timeOne(p)
	close(stop)
	<-done
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if after.HeapAlloc > top.Load() {
		top.Store(after.HeapAlloc)
	}
	r.HeapBefore = before.HeapAlloc
	r.PeakHeap = top.Load() - before.HeapAlloc
	r.SysAfter = after.Sys
	return r
}
