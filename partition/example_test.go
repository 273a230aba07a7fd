package partition_test

import (
	"fmt"
	"time"

	"github.com/assetgen/assetgen/partition"
)

var now = time.Date(2024, 11, 4, 12, 0, 0, 0, time.UTC)

func ExampleDaily() {
	daily := partition.Daily("2024-10-30", partition.Zone("America/New_York"))
	keys, err := daily.Resolve(partition.Env{Now: now})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(keys.All())
	i, _ := keys.Index("2024-11-03")
	w, _ := keys.Window(i)
	fmt.Println(w, w.End.Sub(w.Start))
	// Output:
	// [2024-10-30 2024-10-31 2024-11-01 2024-11-02 2024-11-03]
	// 2024-11-03T00:00:00-04:00...2024-11-04T00:00:00-05:00 25h0m0s
}

func ExampleHourly() {
	hourly := partition.Hourly("2024-11-03-00:00", partition.Zone("America/New_York"))
	keys, _ := hourly.Resolve(partition.Env{Now: time.Date(2024, 11, 3, 8, 0, 0, 0, time.UTC)})
	for _, k := range keys.All() {
		fmt.Println(k)
	}
	// Output:
	// 2024-11-03-00:00
	// 2024-11-03-01:00
	// 2024-11-03-01:00-0500
	// 2024-11-03-02:00
}

func ExampleKeys_Lookup() {
	keys, _ := partition.Daily("2024-01-01").Resolve(partition.Env{Now: now})
	_, err := keys.Lookup("2024-1-05")
	fmt.Println(err)
	// Output:
	// unknown partition "2024-1-05" (did you mean "2024-01-05"?); valid: 2024-01-01...2024-11-03
}

func ExampleNewMulti() {
	m := partition.NewMulti(partition.Dims{
		"region": partition.NewStatic("eu", "us"),
		"date":   partition.Daily("2024-11-02"),
	})
	keys, _ := m.Resolve(partition.Env{Now: now})
	fmt.Println(keys.All())
	byDim, _ := m.Split("2024-11-03|us")
	fmt.Println(byDim["date"], byDim["region"])
	// Output:
	// [2024-11-02|eu 2024-11-02|us 2024-11-03|eu 2024-11-03|us]
	// 2024-11-03 us
}

func ExampleParseMapping() {
	m, err := partition.ParseMapping("window(-6...0)")
	if err != nil {
		fmt.Println(err)
		return
	}
	daily := partition.Daily("2024-10-01")
	fmt.Println(partition.Check(m, daily, daily))
	fmt.Printf("%s %#v\n", m, m)

	keys, _ := daily.Resolve(partition.Env{Now: now})
	sel, _ := keys.Select([]string{"2024-10-20"})
	r, _ := m.Upstream(sel, keys)
	fmt.Println(r.Subset)
	// Output:
	// <nil>
	// window(-6...0) partition.TimeWindow(-6, 0)
	// 2024-10-14...2024-10-20
}

func ExampleDefault() {
	hourly := partition.Hourly("2024-11-01")
	daily := partition.Daily("2024-11-01")
	m, _ := partition.Default(hourly, daily)
	fmt.Println(m)

	hk, _ := hourly.Resolve(partition.Env{Now: now})
	dk, _ := daily.Resolve(partition.Env{Now: now})
	sel, _ := dk.Select([]string{"2024-11-02"})
	r, _ := m.Upstream(sel, hk)
	fmt.Println(r.Subset.Len(), r.Subset)

	_, err := partition.Default(daily, partition.NewStatic("eu", "us"))
	fmt.Println(err)
	// Output:
	// window
	// 24 2024-11-02-00:00...2024-11-02-23:00
	// no default partition mapping from time partitions Daily("2024-11-01") to static partitions NewStatic("eu", "us"): give one, such as last or all
}
