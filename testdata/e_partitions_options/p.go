// Package p has malformed partition options.
package p

// asset: partitions=1daily backfill=0 partiton_column=day
func A() {}

// asset: partitions=a.b.c backfill=many map=x
func B() {}

// asset: map=x:window(,y:bogus,z:window(-1...-3)
func C() {}

// asset: map=x:all,x:last,:all,A-B:all,"q:static('a b'=c"
func D() {}

// asset: backfill=-1 map=k:static(eu=europe;eu=uk)
func E() {}
