// Package p has malformed automation options.
package p

// asset: automation=eagre
func Misspelled() {}

// asset: automation=and(eager,on_mising)
func Nested() {}

// asset: automation="on_cron(0 7 * * *;Europe/Pari)"
func BadZone() {}

// asset: automation=on_cron(0,7)
func BadCron() {}

// asset: automation=not(eager,on_missing)
func TwoNots() {}

// asset: freshness=soon
func BadFreshness() {}

// asset: freshness="cron(0 9 * * *;UTC;later)"
func BadMaxAge() {}

// asset: freshness=cron(@daily;Mars/Base)
func BadFreshnessZone() {}

// asset: automaton=eager
func UnknownOption() {}
