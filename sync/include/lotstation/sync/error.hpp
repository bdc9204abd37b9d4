#pragma once
// Sync speaks the one error model (lotstation/core/error.hpp). How its failures map onto the kinds:
// Unavailable - the server cannot be reached (connection refused, timeout, dropped): the station shows
// "offline"; Unauthorized - the server refused the token or the station id; Conflict - the server holds
// another movement under one of our sequence numbers: pushing stopped; Refused - the server refused a request
// as malformed or too large; Invalid - a bad argument, or the server's answer is not what the protocol says;
// Io - the local database failed or holds something it cannot apply.
#include "lotstation/core/error.hpp"
