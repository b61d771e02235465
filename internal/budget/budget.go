// Package budget is a cooperative time limit for the engine's loops.
//
// Go compiled to WebAssembly runs on one thread: nothing can interrupt a
// loop from outside, so a pathological page would freeze the extension's
// worker. Instead every long loop (tokenising, tree walks, scoring, the
// quote finder) asks its Budget, once per node, whether time is up, and
// unwinds when it is. The check is a counter increment; the clock is read
// only every checkEvery calls, because reading it in WASM crosses into JS.
//
// The same polls are where a call yields to Go's scheduler. On js/wasm there
// is one thread and no preemption: a garbage collection that starts in the
// middle of a call cannot finish until the call yields, and until it
// finishes every allocation counts as live. Without the yield the heap grew
// to 80 MB on a 2 MB page whose live data never passes 25 MB; with it, the
// collector keeps up. Natively the yield costs nanoseconds.
package budget

import (
	"errors"
	"runtime"
	"time"
)

// ErrExceeded is returned (wrapped) by a step that stopped because its
// Budget ran out. The engine turns it into engine.ErrTooComplex.
var ErrExceeded = errors.New("time budget exceeded")

// checkEvery is how many Exceeded calls share one clock read. At the
// engine's speed (a few million nodes per second natively, a third of that
// in WASM) this keeps the overshoot well under a millisecond.
const checkEvery = 256

// Budget is a deadline that is cheap to poll. The zero value and a nil
// *Budget never run out (a nil one never yields either), so code can take a *Budget without nil checks and
// tests can pass nil. A Budget is not safe for concurrent use; each call to
// the engine makes its own.
type Budget struct {
	deadline time.Time
	calls    uint32
	over     bool
}

// New returns a Budget that runs out at deadline; a zero deadline never
// runs out.
func New(deadline time.Time) *Budget {
	return &Budget{deadline: deadline}
}

// Within returns a Budget that runs out d from now; d <= 0 means never.
func Within(d time.Duration) *Budget {
	if d <= 0 {
		return &Budget{}
	}
	return New(time.Now().Add(d))
}

// Exceeded reports whether the deadline has passed. It reads the clock on
// the first call and then once every checkEvery calls, and once it has
// reported true it keeps doing so, so loops several calls deep all unwind.
// Every checkEvery calls it also yields (runtime.Gosched), with or without
// a deadline: see the package comment.
func (b *Budget) Exceeded() bool {
	if b == nil {
		return false
	}
	if b.over {
		return true
	}
	b.calls++
	if b.calls%checkEvery != 1 {
		return false
	}
	runtime.Gosched()
	if b.deadline.IsZero() {
		return false
	}
	b.over = !time.Now().Before(b.deadline)
	return b.over
}

// Check reads the clock now, whatever the call count: for the boundaries
// between steps, where one clock read is cheap next to the step.
func (b *Budget) Check() bool {
	if b == nil || b.deadline.IsZero() {
		return false
	}
	if !b.over {
		b.over = !time.Now().Before(b.deadline)
	}
	return b.over
}

// Deadline returns the time the budget runs out, zero for never. Steps
// that take a deadline (clean.Options, attribution.Options) get it from
// here.
func (b *Budget) Deadline() time.Time {
	if b == nil {
		return time.Time{}
	}
	return b.deadline
}

// Err returns ErrExceeded once the budget has run out, nil before: handy
// for `if err := b.Err(); err != nil { return err }` at a loop's head.
func (b *Budget) Err() error {
	if b.Exceeded() {
		return ErrExceeded
	}
	return nil
}
