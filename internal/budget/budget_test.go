package budget

import (
	"errors"
	"runtime"
	"sync/atomic"
	"testing"
	"time"
)

func TestBudget(t *testing.T) {
	tests := []struct {
		name string
		b    *Budget
		want bool
	}{
		{"nil never runs out", nil, false},
		{"zero value never runs out", &Budget{}, false},
		{"no limit never runs out", Within(0), false},
		{"future deadline", Within(time.Hour), false},
		{"past deadline", New(time.Now().Add(-time.Second)), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for i := 0; i < 3*checkEvery; i++ {
				if got := tt.b.Exceeded(); got != tt.want && (tt.want == false || i == 0) {
					t.Fatalf("call %d: Exceeded() = %v, want %v", i, got, tt.want)
				}
			}
			if got := tt.b.Check(); got != tt.want {
				t.Errorf("Check() = %v, want %v", got, tt.want)
			}
			if err := tt.b.Err(); (err != nil) != tt.want || (err != nil && !errors.Is(err, ErrExceeded)) {
				t.Errorf("Err() = %v, want exceeded=%v", err, tt.want)
			}
		})
	}
}

// TestExceededNoticesExpiryWithinCheckEvery pins the polling contract: a
// loop that calls Exceeded per node stops at most checkEvery nodes after
// the deadline passes, and then keeps reporting true.
func TestExceededNoticesExpiryWithinCheckEvery(t *testing.T) {
	b := New(time.Now().Add(20 * time.Millisecond))
	for b.Exceeded() == false {
		if b.calls > 1<<30 {
			t.Fatal("budget never ran out")
		}
	}
	for i := 0; i < 10; i++ {
		if !b.Exceeded() {
			t.Fatal("Exceeded went back to false after the deadline")
		}
	}
	time.Sleep(time.Millisecond)
	b2 := New(time.Now().Add(time.Millisecond))
	time.Sleep(2 * time.Millisecond)
	n := 0
	for !b2.Exceeded() {
		n++
	}
	if n > checkEvery {
		t.Errorf("expiry noticed after %d calls, want at most %d", n, checkEvery)
	}
}

func BenchmarkExceeded(b *testing.B) {
	bud := Within(time.Hour)
	for i := 0; i < b.N; i++ {
		if bud.Exceeded() {
			b.Fatal("ran out")
		}
	}
}

// TestExceededYields checks that polling lets other goroutines run even
// without a deadline: on one thread (js/wasm) that is what lets a garbage
// collection begun during a call finish.
func TestExceededYields(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	for _, b := range []*Budget{{}, Within(time.Hour)} {
		var ran atomic.Bool
		started := make(chan struct{})
		go func() { close(started); ran.Store(true) }()
		// The loop never blocks: the goroutine above can only run when
		// Exceeded yields (async preemption needs 10 ms; this takes µs).
		for i := 0; i < 2*checkEvery && !ran.Load(); i++ {
			b.Exceeded()
		}
		if !ran.Load() {
			t.Errorf("deadline %v: %d polls never yielded to another goroutine", b.deadline, 2*checkEvery)
		}
		<-started
	}
}
