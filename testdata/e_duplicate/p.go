// Package p declares assets with the same key.
package p

// asset:
func HTTPLogs() int { return 0 }

// asset:
func HttpLogs() int { return 0 }

// asset:
func Orders() int { return 0 }

// asset: name=orders
func OrdersAgain() int { return 0 }

// asset: prefix=eu name=orders
func OrdersEU() int { return 0 }
