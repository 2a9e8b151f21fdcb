package graph

import "errors"

// Sentinel errors returned (wrapped) by Network's builders. Readers in
// package datasets wrap them in a ParseError that says where in a file the
// problem was.
var (
	ErrDuplicateID         = errors.New("duplicate id")
	ErrUnknownOrganisation = errors.New("unknown organisation")
	ErrUnknownArrangement  = errors.New("unknown arrangement")
	ErrSelfTie             = errors.New("organisation tied to itself")
	ErrEmptyID             = errors.New("empty id")
	ErrBadWeight           = errors.New("weight must be a finite number >= 0")
)
