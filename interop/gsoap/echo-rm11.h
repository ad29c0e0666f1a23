// WS-RM 1.1 (200702) build of echo.h.
#import "wsrm.h"
#import "echo.h"
