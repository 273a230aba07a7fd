// Package partition defines how an asset is split into partitions, the
// keys that name them, and how the partitions of an asset map to those of
// its inputs, with Dagster's semantics. It is pure: no I/O, no clock (the
// current time and the stored dynamic keys come in an Env), no runtime.
//
// # Definitions
//
// A definition is a Go value, declared once and shared by many assets:
//
//	var Daily = partition.Daily("2024-01-01", partition.Zone("America/New_York"))
//	var Regions = partition.NewStatic("eu", "us")
//	var DailyRegions = partition.NewMulti(partition.Dims{"date": Daily, "region": Regions})
//	var Customers = partition.NewDynamic("customers")
//
// Each kind has its own type (*Time, *Static, *Multi, *Dynamic), so the
// generator tells kinds apart from a variable's type (TypeKind). The
// constructors never fail and never panic: a definition keeps its error
// for Err.
//
// Time windows (Hourly, Daily, Weekly, Monthly, Cron) lie between the
// ticks of a cron schedule in a time zone; the first starts at the first
// tick at or after the start, the last is the last to end by Env.Now (or
// the End), moved by the EndOffset. A key is the window's start formatted
// with the layout; see Time for daylight saving time.
//
// # Keys
//
// Resolve gives a definition's Keys at one moment: Len, Key(i) and
// Index(key) without listing, Lookup with a did-you-mean, Window for time
// windows, Range and Select for the command line's --partition-range and
// --partitions (ParseRange, ParseList). A Subset holds keys as spans of
// indexes, so that a range of 100,000 windows is one span. CheckKey is the
// rule for static and dynamic keys: safe in a path, free of the key
// syntax ('|' joins dimensions, ',' separates a list, "..." a range).
//
// # Mappings
//
// A Mapping gives, for some downstream keys, the upstream keys they read
// (Upstream) and, the other way, the downstream keys an upstream change
// affects (Downstream). Default gives Dagster's default between two
// definitions; ParseMapping reads the directive syntax ("window(-6...0)",
// "last", "static(eu=europe|uk)", "dim(date)"); CheckKinds and Check find
// what is wrong before anything runs; GoString gives the Go expression for
// the generator to emit.
package partition
