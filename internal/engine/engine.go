// Package engine runs SayWho's pipeline — page HTML → clean → attribute →
// Result — and owns the Result type that every caller (the WASM bridge, the
// Node CLI, the extension, the tests) shares.
//
// Data flows one way and never touches the network: the page arrives as
// bytes, and the engine neither fetches images nor follows links.
package engine

import (
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/saywho/saywho/internal/attribution"
	"github.com/saywho/saywho/internal/budget"
	"github.com/saywho/saywho/internal/clean"
	"github.com/saywho/saywho/internal/htmlprep"
)

// Options tunes Process. The zero value is the sensible default.
type Options struct {
	// URL is the page's address, used to resolve relative links.
	URL string
	// Timeout bounds one call: past it Process stops with ErrTooComplex.
	// Zero means DefaultTimeout, a negative value no limit. The steps
	// check it cooperatively (see internal/budget), as WASM has one thread.
	Timeout time.Duration
}

// DefaultTimeout is the time limit of a call when Options.Timeout is zero.
const DefaultTimeout = 2 * time.Second

// ErrTooComplex is returned (wrapped) when a call runs past its time
// limit; the UI shows "this page is too complex" and leaves the page as it
// is.
var ErrTooComplex = errors.New("this page is too complex")

// ErrTooLarge and ErrEncoding are htmlprep's refusals, re-exported for
// callers: a page over the size cap ("page too large: …"), and a page in
// an encoding the engine does not decode. docs/ROBUSTNESS.md has the
// policies.
var (
	ErrTooLarge = htmlprep.ErrTooLarge
	ErrEncoding = htmlprep.ErrEncoding
)

// ErrPanic marks an error that came from a recovered panic: a bug in the
// engine, reported instead of taking the caller down with it.
var ErrPanic = errors.New("engine: internal error")

// Process turns a page into a Result. A page without an article is not an
// error: it gives a Result with Found false and a Reason. Errors are
// reserved for input the engine cannot read at all, and for bugs: a panic
// anywhere in the pipeline is recovered and returned wrapped in ErrPanic,
// so it never crosses into JS.
func Process(page []byte, opts Options) (*Result, error) {
	return recovered(func() (*Result, error) { return process(page, opts) })
}

// recovered runs f and turns a panic into an error wrapping ErrPanic.
func recovered(f func() (*Result, error)) (res *Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			res = nil
			err = fmt.Errorf("%w: %v\n%s", ErrPanic, r, firstFrames(debug.Stack(), 12))
		}
	}()
	return f()
}

func process(page []byte, opts Options) (*Result, error) {
	b := budget.Within(opts.timeout())
	art, err := prepareAndClean(page, opts, b)
	if err == nil && b.Check() {
		err = budget.ErrExceeded
	}
	if errors.Is(err, budget.ErrExceeded) {
		return nil, fmt.Errorf("%w: no result within %v", ErrTooComplex, opts.timeout())
	}
	if err != nil {
		return nil, err
	}
	res := &Result{
		Found:     art.Found,
		Reason:    art.Reason,
		Title:     art.Title,
		Byline:    art.Byline,
		SiteName:  art.SiteName,
		Published: art.Published,
		Lang:      art.Lang,
		Image:     art.Image,
		HTML:      art.HTML,
		Removed:   make([]Removed, 0, len(art.Removed)),
		Speakers:  []Speaker{},
	}
	for _, r := range art.Removed {
		res.Removed = append(res.Removed, Removed{Kind: string(r.Kind), Text: r.Text})
	}
	if !art.Found {
		return res, nil
	}
	texts := make([]string, len(art.Blocks))
	blocks := make([]attribution.Block, len(art.Blocks))
	for i, b := range art.Blocks {
		texts[i] = b.Text
		blocks[i] = attribution.Block{Text: b.Text, Heading: b.Heading()}
	}
	res.Text = strings.Join(texts, "\n\n")
	for _, sp := range attribution.Attribute(blocks, attribution.Options{Lang: art.Lang, Deadline: b.Deadline()}) {
		out := Speaker{Name: sp.Name, Role: sp.Role, Kind: string(sp.Kind), Statements: make([]Statement, 0, len(sp.Statements))}
		for _, st := range sp.Statements {
			out.Statements = append(out.Statements, Statement{
				Text: st.Text, Direct: st.Direct, Cue: st.Cue, Block: st.Block, Sentence: st.Sentence,
			})
		}
		res.Speakers = append(res.Speakers, out)
	}
	if b.Check() {
		return nil, fmt.Errorf("%w: no result within %v", ErrTooComplex, opts.timeout())
	}
	return res, nil
}

// MemoryLimit is the soft memory limit, in bytes, that a host running the
// engine alone in a single-threaded runtime (the WASM bridge) should give
// Go's runtime for a page of n bytes: 32 MiB up to about 2 MB of page, then
// 28 bytes per page byte less 20 MiB. Most pages' live data stays far below
// 32 MiB, and the collector working harder near the limit keeps a worker's
// memory (WASM memory never shrinks) under 64 MiB on a 2 MB page. A larger
// page's live data grows to about 22 bytes per page byte: a limit below
// that would keep the collector running all the time and make a 10 MB page
// twice as slow.
func MemoryLimit(n int) int64 {
	const base, perByte, less = 32 << 20, 28, 20 << 20
	if l := int64(n)*perByte - less; l > base {
		return l
	}
	return base
}

// largePage is the page size from which TuneRuntime collects garbage
// before the call: above it the collection costs far less than the page.
const largePage = 512 << 10

// TuneRuntime prepares Go's runtime for one call on a page of n bytes, for a
// host that runs the engine alone in a single-threaded runtime (the WASM
// bridge; a native program has no reason to call it). It sets the soft
// memory limit to MemoryLimit(n) and, before a large page, collects what
// earlier calls left, so the heap grows from live data only: WASM memory
// never shrinks, and a second 2 MB page on top of the first one's garbage
// pushed it past 64 MiB.
//
// It returns a function for the host to call as the call ends. That one
// arms a collection for idleCollectDelay later (pushed back by every call
// before it fires): the garbage of a page is then collected while the host
// is idle, and the next call starts on a clean heap instead of paying for
// its predecessor's garbage. A news page allocates a few MiB, less than the
// heap may grow by before the collector starts, so a call after an idle
// moment usually runs with no collection at all.
func TuneRuntime(n int) (done func()) {
	debug.SetMemoryLimit(MemoryLimit(n))
	if n >= largePage {
		runtime.GC()
	}
	return collectWhenIdle
}

// idleCollectDelay is how long after a call the idle collection waits: a
// little longer than a burst of calls takes (the extension's toggle comes
// right after a page is read), short against the time between two pages.
const idleCollectDelay = 100 * time.Millisecond

var (
	idleMu      sync.Mutex
	idleCollect *time.Timer
)

func collectWhenIdle() {
	idleMu.Lock()
	defer idleMu.Unlock()
	if idleCollect == nil {
		idleCollect = time.AfterFunc(idleCollectDelay, runtime.GC)
		return
	}
	idleCollect.Reset(idleCollectDelay)
}

func (o Options) timeout() time.Duration {
	if o.Timeout == 0 {
		return DefaultTimeout
	}
	return o.Timeout
}

// prepareAndClean runs htmlprep before clean: the size cap and decoding,
// then the parse. Measuring the nesting takes a full extra pass over the
// page, and the parser itself refuses a page nested deeper than it can
// take, so the first attempt skips the nesting cap; only a page the parser
// refused is measured and flattened, and then, should it still be refused,
// rewritten by htmlprep's strict pass. A page that gives no tree even then
// has nothing in its body.
func prepareAndClean(page []byte, opts Options, b *budget.Budget) (*clean.Article, error) {
	attempts := []htmlprep.Options{{MaxDepth: -1}, {}, {Strict: true}}
	for _, popts := range attempts {
		popts.Budget = b
		prepped, _, err := htmlprep.Prepare(page, popts)
		if errors.Is(err, htmlprep.ErrNotText) {
			return &clean.Article{Reason: "no article found: " + err.Error()}, nil
		}
		if err != nil {
			return nil, err
		}
		art, err := clean.Clean(prepped, clean.Options{URL: opts.URL, Deadline: b.Deadline()})
		if !errors.Is(err, clean.ErrNoDocument) {
			if err != nil {
				return nil, fmt.Errorf("clean: %w", err)
			}
			return art, nil
		}
	}
	return &clean.Article{Reason: "no article found: the page has no visible content"}, nil
}

// firstFrames keeps the head of a stack trace: enough to find the bug in a
// report without shipping kilobytes of goroutine dump to the UI.
func firstFrames(stack []byte, lines int) string {
	s := string(stack)
	for i, n := 0, 0; i < len(s); i++ {
		if s[i] == '\n' {
			n++
			if n == lines {
				return s[:i]
			}
		}
	}
	return s
}

// Error codes name the failures a caller may want to tell apart without
// matching message text; the WASM bridge passes them to JS as err.code.
const (
	CodeTooComplex = "too-complex" // ran past the time limit
	CodeTooLarge   = "too-large"   // over the page size cap
	CodeEncoding   = "encoding"    // a page encoding the engine does not decode
	CodeInternal   = "internal"    // a bug: a recovered panic
	CodeFailed     = "failed"      // anything else
)

// ErrorCode maps an error from Process to one of the Code constants.
func ErrorCode(err error) string {
	switch {
	case errors.Is(err, ErrTooComplex):
		return CodeTooComplex
	case errors.Is(err, ErrTooLarge):
		return CodeTooLarge
	case errors.Is(err, ErrEncoding):
		return CodeEncoding
	case errors.Is(err, ErrPanic):
		return CodeInternal
	}
	return CodeFailed
}
