/// The OpenAPI 3.1 description of the whole API, served at `GET /openapi.json`.
/// A test checks every route of `apiRoutes` against it, so it cannot fall behind.
enum OpenAPIDocument {
    static let json = #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "Roost",
            "version": "0.1.0",
            "summary": "A social content aggregator speaking the Flockler Content API v2.",
            "description": "All bodies are JSON in UTF-8; times are ISO 8601 in UTC. Every request except `GET /health`, `GET /openapi.json`, `GET /admin` and the CORS preflight carries a key of the site in the path: header `X-FL-API-Key`, query `api_key`, or `Authorization: Bearer`. A `read` key reads posts only; an `admin` key may do everything of its site. Errors share one envelope (`Error`)."
          },
          "tags": [
            {
              "name": "posts",
              "description": "The published posts an embed shows (read or admin key)."
            },
            {
              "name": "feeds",
              "description": "The site's feeds (admin key)."
            },
            {
              "name": "sections",
              "description": "The site's sections (admin key)."
            },
            {
              "name": "moderation",
              "description": "The inbox, operator actions, rules and the audit log (admin key; SPEC 3.5)."
            },
            {
              "name": "system",
              "description": "No key needed."
            },
            {
              "name": "connections",
              "description": "A site's platform credentials (SPEC 3.6). Secrets are stored and never returned: a secret's value reads `[stored]`."
            }
          ],
          "paths": {
            "/health": {
              "get": {
                "operationId": "getHealth",
                "tags": [
                  "system"
                ],
                "summary": "Liveness and the number of sites",
                "security": [],
                "responses": {
                  "200": {
                    "description": "The server is up and its database answers.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Health"
                        },
                        "example": {
                          "status": "ok",
                          "sites": 2
                        }
                      }
                    }
                  },
                  "500": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              }
            },
            "/openapi.json": {
              "get": {
                "operationId": "getOpenAPIDocument",
                "tags": [
                  "system"
                ],
                "summary": "This OpenAPI 3.1 document",
                "security": [],
                "responses": {
                  "200": {
                    "description": "The OpenAPI document of the API.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": [
                            "openapi",
                            "info",
                            "paths"
                          ]
                        }
                      }
                    }
                  },
                  "500": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              }
            },
            "/v2/{site}/posts": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/Site"
                }
              ],
              "get": {
                "operationId": "listPosts",
                "tags": [
                  "posts"
                ],
                "summary": "Published posts (Flockler Content API v2)",
                "description": "The site's published posts in Flockler's envelope (SPEC 3.3). A read or admin key. Any other query parameter is a 400, except `api_key` and `_`-prefixed cache busters. Answered with CORS headers, `ETag` and `Cache-Control: no-cache`.",
                "security": [
                  {
                    "ApiKeyHeader": []
                  },
                  {
                    "ApiKeyQuery": []
                  },
                  {
                    "BearerAuth": []
                  }
                ],
                "parameters": [
                  {
                    "name": "count",
                    "in": "query",
                    "required": false,
                    "description": "How many posts, 1 to 100 (decimal digits only). Out of range is a 400, never clamped.",
                    "schema": {
                      "type": "integer",
                      "minimum": 1,
                      "maximum": 100,
                      "default": 20
                    }
                  },
                  {
                    "name": "filterByChannels[]",
                    "in": "query",
                    "required": false,
                    "style": "form",
                    "explode": true,
                    "description": "Channel names, repeated; a post matches any of them. Case-insensitive. `filterByChannels` without brackets is accepted too.",
                    "schema": {
                      "type": "array",
                      "items": {
                        "type": "string",
                        "enum": [
                          "bluesky",
                          "facebook",
                          "flickr",
                          "flockler",
                          "google_review",
                          "instagram",
                          "link",
                          "linkedin",
                          "pinterest",
                          "review",
                          "rss",
                          "tiktok",
                          "twitter",
                          "vimeo",
                          "youtube"
                        ]
                      },
                      "maxItems": 20
                    }
                  },
                  {
                    "name": "filterBySectionIds[]",
                    "in": "query",
                    "required": false,
                    "style": "form",
                    "explode": true,
                    "description": "Section ids, repeated; a post matches any of them. `filterBySectionIds` without brackets is accepted too.",
                    "schema": {
                      "type": "array",
                      "items": {
                        "type": "integer",
                        "format": "int64",
                        "minimum": 1
                      },
                      "maxItems": 100
                    }
                  },
                  {
                    "name": "filterByTags[]",
                    "in": "query",
                    "required": false,
                    "style": "form",
                    "explode": true,
                    "description": "Tags, repeated, compared case-insensitively; combined as `tagFilterType` says. `filterByTags` without brackets is accepted too.",
                    "schema": {
                      "type": "array",
                      "items": {
                        "type": "string",
                        "minLength": 1,
                        "maxLength": 100
                      },
                      "maxItems": 20
                    }
                  },
                  {
                    "name": "tagFilterType",
                    "in": "query",
                    "required": false,
                    "description": "Whether a post must carry all the tags or any of them.",
                    "schema": {
                      "type": "string",
                      "enum": [
                        "all",
                        "any"
                      ],
                      "default": "all"
                    }
                  },
                  {
                    "name": "order",
                    "in": "query",
                    "required": false,
                    "description": "`random`: `count` random matching posts, with null pagination links; cannot be combined with a cursor. Left out: pinned posts first on the first page (by `pinnedIndex`), then newest `publishedAt` first, ties by `flocklerId` descending.",
                    "schema": {
                      "type": "string",
                      "enum": [
                        "random"
                      ]
                    }
                  },
                  {
                    "name": "olderThanCursor",
                    "in": "query",
                    "required": false,
                    "description": "Continue with older posts, from a cursor taken from a `pagination.older` link. At most one cursor per request.",
                    "schema": {
                      "type": "string"
                    }
                  },
                  {
                    "name": "newerThanCursor",
                    "in": "query",
                    "required": false,
                    "description": "Posts that sort before a page, from a cursor taken from a `pagination.newer` link. At most one cursor per request.",
                    "schema": {
                      "type": "string"
                    }
                  },
                  {
                    "name": "If-None-Match",
                    "in": "header",
                    "required": false,
                    "description": "An `ETag` from an earlier answer; when the page is unchanged the answer is 304 without a body.",
                    "schema": {
                      "type": "string"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "A page of posts.",
                    "headers": {
                      "ETag": {
                        "$ref": "#/components/headers/ETag"
                      },
                      "Cache-Control": {
                        "$ref": "#/components/headers/CacheControl"
                      },
                      "Access-Control-Allow-Origin": {
                        "$ref": "#/components/headers/AccessControlAllowOrigin"
                      },
                      "Access-Control-Expose-Headers": {
                        "$ref": "#/components/headers/AccessControlExposeHeaders"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/PostsPage"
                        }
                      }
                    }
                  },
                  "304": {
                    "description": "Not modified: `If-None-Match` names the current `ETag`. No body.",
                    "headers": {
                      "ETag": {
                        "$ref": "#/components/headers/ETag"
                      },
                      "Cache-Control": {
                        "$ref": "#/components/headers/CacheControl"
                      },
                      "Access-Control-Allow-Origin": {
                        "$ref": "#/components/headers/AccessControlAllowOrigin"
                      },
                      "Access-Control-Expose-Headers": {
                        "$ref": "#/components/headers/AccessControlExposeHeaders"
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "500": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              },
              "options": {
                "operationId": "preflightPosts",
                "tags": [
                  "posts"
                ],
                "summary": "CORS preflight of the posts endpoint",
                "description": "Needs no key: browsers send preflights without credentials.",
                "security": [],
                "responses": {
                  "204": {
                    "description": "The CORS policy: any origin, GET and OPTIONS.",
                    "headers": {
                      "Access-Control-Allow-Origin": {
                        "$ref": "#/components/headers/AccessControlAllowOrigin"
                      },
                      "Access-Control-Allow-Methods": {
                        "schema": {
                          "type": "string",
                          "const": "GET, OPTIONS"
                        }
                      },
                      "Access-Control-Allow-Headers": {
                        "schema": {
                          "type": "string",
                          "const": "X-FL-API-Key, Authorization, Content-Type, If-None-Match"
                        }
                      },
                      "Access-Control-Max-Age": {
                        "schema": {
                          "type": "string",
                          "const": "86400"
                        }
                      }
                    }
                  },
                  "500": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              }
            },
            "/v2/{site}/feeds": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/Site"
                }
              ],
              "get": {
                "operationId": "listFeeds",
                "tags": [
                  "feeds"
                ],
                "summary": "The site's feeds",
                "description": "Admin key. Any other query parameter (except `api_key`) is a 400.",
                "security": [
                  {
                    "ApiKeyHeader": []
                  },
                  {
                    "ApiKeyQuery": []
                  },
                  {
                    "BearerAuth": []
                  }
                ],
                "parameters": [
                  {
                    "name": "order",
                    "in": "query",
                    "required": false,
                    "description": "By creation, oldest or newest first.",
                    "schema": {
                      "type": "string",
                      "enum": [
                        "asc",
                        "desc"
                      ],
                      "default": "desc"
                    }
                  },
                  {
                    "name": "services[]",
                    "in": "query",
                    "required": false,
                    "style": "form",
                    "explode": true,
                    "description": "Only feeds of these types, repeated. `services` without brackets is accepted too.",
                    "schema": {
                      "type": "array",
                      "items": {
                        "type": "string",
                        "enum": [
                          "rss",
                          "twitter_v2",
                          "pinterest",
                          "youtube",
                          "instagram_graph_api",
                          "instagram_basic_display",
                          "facebook",
                          "linkedin",
                          "tiktok",
                          "google_review",
                          "bluesky",
                          "flickr",
                          "vimeo"
                        ]
                      }
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The feeds.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/FeedListResult"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "500": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              },
              "post": {
                "operationId": "createFeed",
                "tags": [
                  "feeds"
                ],
                "summary": "Create a feed",
                "description": "Admin key. A wrong type, a missing or malformed attribute, or a URL the network policy refuses is a 422 naming the field; nothing is created. An empty body creates nothing valid (an `rss` feed needs `feed_attributes.url`).",
                "security": [
                  {
                    "ApiKeyHeader": []
                  },
                  {
                    "ApiKeyQuery": []
                  },
                  {
                    "BearerAuth": []
                  }
                ],
                "requestBody": {
                  "required": false,
                  "description": "The feed and, optionally, its section.",
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/FeedCreateRequest"
                      }
                    },
                    "application/x-www-form-urlencoded": {
                      "schema": {
                        "$ref": "#/components/schemas/FeedCreateForm"
                      },
                      "encoding": {
                        "feed": {
                          "style": "deepObject",
                          "explode": true
                        },
                        "section": {
                          "style": "deepObject",
                          "explode": true
                        }
                      }
                    }
                  }
                },
                "responses": {
                  "201": {
                    "description": "The created feed.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/FeedResult"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "415": {
                    "$ref": "#/components/responses/UnsupportedMediaType"
                  },
                  "422": {
                    "$ref": "#/components/responses/UnprocessableContent"
                  },
                  "500": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              }
            },
            "/v2/{site}/feeds/{feedId}": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/Site"
                },
                {
                  "$ref": "#/components/parameters/FeedId"
                }
              ],
              "get": {
                "operationId": "getFeed",
                "tags": [
                  "feeds"
                ],
                "summary": "One feed",
                "description": "Admin key.",
                "security": [
                  {
                    "ApiKeyHeader": []
                  },
                  {
                    "ApiKeyQuery": []
                  },
                  {
                    "BearerAuth": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The feed.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/FeedResult"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "500": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              },
              "patch": {
                "operationId": "updateFeed",
                "tags": [
                  "feeds"
                ],
                "summary": "Change a feed's name, moderation type, enabled flag or attributes",
                "description": "Admin key. Members left out stay as they are.",
                "security": [
                  {
                    "ApiKeyHeader": []
                  },
                  {
                    "ApiKeyQuery": []
                  },
                  {
                    "BearerAuth": []
                  }
                ],
                "requestBody": {
                  "required": false,
                  "description": "The members to change.",
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/FeedUpdateRequest"
                      }
                    },
                    "application/x-www-form-urlencoded": {
                      "schema": {
                        "$ref": "#/components/schemas/FeedUpdateForm"
                      },
                      "encoding": {
                        "feed": {
                          "style": "deepObject",
                          "explode": true
                        }
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "The changed feed.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/FeedResult"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "415": {
                    "$ref": "#/components/responses/UnsupportedMediaType"
                  },
                  "422": {
                    "$ref": "#/components/responses/UnprocessableContent"
                  },
                  "500": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              },
              "delete": {
                "operationId": "deleteFeed",
                "tags": [
                  "feeds"
                ],
                "summary": "Delete a feed",
                "description": "Admin key.",
                "security": [
                  {
                    "ApiKeyHeader": []
                  },
                  {
                    "ApiKeyQuery": []
                  },
                  {
                    "BearerAuth": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "Deleted: `{\"result\": {\"success\": true, \"data\": null}}`.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/DeletedResult"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "500": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              }
            },
            "/v2/{site}/sections": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/Site"
                }
              ],
              "get": {
                "operationId": "listSections",
                "tags": [
                  "sections"
                ],
                "summary": "The site's sections",
                "description": "Admin key.",
                "security": [
                  {
                    "ApiKeyHeader": []
                  },
                  {
                    "ApiKeyQuery": []
                  },
                  {
                    "BearerAuth": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The sections.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/SectionListResult"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "500": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              },
              "post": {
                "operationId": "createSection",
                "tags": [
                  "sections"
                ],
                "summary": "Create a section",
                "description": "Admin key.",
                "security": [
                  {
                    "ApiKeyHeader": []
                  },
                  {
                    "ApiKeyQuery": []
                  },
                  {
                    "BearerAuth": []
                  }
                ],
                "requestBody": {
                  "required": true,
                  "description": "The section's name.",
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/SectionCreateRequest"
                      }
                    },
                    "application/x-www-form-urlencoded": {
                      "schema": {
                        "$ref": "#/components/schemas/SectionCreateRequest"
                      },
                      "encoding": {
                        "section": {
                          "style": "deepObject",
                          "explode": true
                        }
                      }
                    }
                  }
                },
                "responses": {
                  "201": {
                    "description": "The created section.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/SectionResult"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "409": {
                    "$ref": "#/components/responses/Conflict"
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "415": {
                    "$ref": "#/components/responses/UnsupportedMediaType"
                  },
                  "422": {
                    "$ref": "#/components/responses/UnprocessableContent"
                  },
                  "500": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              }
            },
            "/v2/{site}/inbox": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/Site"
                }
              ],
              "get": {
                "operationId": "listInbox",
                "tags": [
                  "moderation"
                ],
                "summary": "Posts waiting for a decision",
                "description": "Admin key. The same parameters, rules and envelope as the posts endpoint (without `ETag`/CORS), over the posts in the inbox; each post carries `moderation`. Answered with `Cache-Control: no-store`.",
                "security": [
                  {
                    "ApiKeyHeader": []
                  },
                  {
                    "ApiKeyQuery": []
                  },
                  {
                    "BearerAuth": []
                  }
                ],
                "parameters": [
                  {
                    "name": "count",
                    "in": "query",
                    "required": false,
                    "description": "How many posts, 1 to 100 (decimal digits only). Out of range is a 400, never clamped.",
                    "schema": {
                      "type": "integer",
                      "minimum": 1,
                      "maximum": 100,
                      "default": 20
                    }
                  },
                  {
                    "name": "filterByChannels[]",
                    "in": "query",
                    "required": false,
                    "style": "form",
                    "explode": true,
                    "description": "Channel names, repeated; a post matches any of them. Case-insensitive. `filterByChannels` without brackets is accepted too.",
                    "schema": {
                      "type": "array",
                      "items": {
                        "type": "string",
                        "enum": [
                          "bluesky",
                          "facebook",
                          "flickr",
                          "flockler",
                          "google_review",
                          "instagram",
                          "link",
                          "linkedin",
                          "pinterest",
                          "review",
                          "rss",
                          "tiktok",
                          "twitter",
                          "vimeo",
                          "youtube"
                        ]
                      },
                      "maxItems": 20
                    }
                  },
                  {
                    "name": "filterBySectionIds[]",
                    "in": "query",
                    "required": false,
                    "style": "form",
                    "explode": true,
                    "description": "Section ids, repeated; a post matches any of them. `filterBySectionIds` without brackets is accepted too.",
                    "schema": {
                      "type": "array",
                      "items": {
                        "type": "integer",
                        "format": "int64",
                        "minimum": 1
                      },
                      "maxItems": 100
                    }
                  },
                  {
                    "name": "filterByTags[]",
                    "in": "query",
                    "required": false,
                    "style": "form",
                    "explode": true,
                    "description": "Tags, repeated, compared case-insensitively; combined as `tagFilterType` says. `filterByTags` without brackets is accepted too.",
                    "schema": {
                      "type": "array",
                      "items": {
                        "type": "string",
                        "minLength": 1,
                        "maxLength": 100
                      },
                      "maxItems": 20
                    }
                  },
                  {
                    "name": "tagFilterType",
                    "in": "query",
                    "required": false,
                    "description": "Whether a post must carry all the tags or any of them.",
                    "schema": {
                      "type": "string",
                      "enum": [
                        "all",
                        "any"
                      ],
                      "default": "all"
                    }
                  },
                  {
                    "name": "order",
                    "in": "query",
                    "required": false,
                    "description": "`random`: `count` random matching posts, with null pagination links; cannot be combined with a cursor. Left out: pinned posts first on the first page (by `pinnedIndex`), then newest `publishedAt` first, ties by `flocklerId` descending.",
                    "schema": {
                      "type": "string",
                      "enum": [
                        "random"
                      ]
                    }
                  },
                  {
                    "name": "olderThanCursor",
                    "in": "query",
                    "required": false,
                    "description": "Continue with older posts, from a cursor taken from a `pagination.older` link. At most one cursor per request.",
                    "schema": {
                      "type": "string"
                    }
                  },
                  {
                    "name": "newerThanCursor",
                    "in": "query",
                    "required": false,
                    "description": "Posts that sort before a page, from a cursor taken from a `pagination.newer` link. At most one cursor per request.",
                    "schema": {
                      "type": "string"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "A page of inbox posts.",
                    "headers": {
                      "Cache-Control": {
                        "description": "`no-store`.",
                        "schema": {
                          "type": "string",
                          "const": "no-store"
                        }
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/InboxPage"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "500": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              }
            },
            "/v2/{site}/posts/{flocklerId}": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/Site"
                },
                {
                  "$ref": "#/components/parameters/FlocklerId"
                }
              ],
              "get": {
                "operationId": "getPost",
                "tags": [
                  "moderation"
                ],
                "summary": "One post in any state, with its moderation and history",
                "description": "Admin key.",
                "security": [
                  {
                    "ApiKeyHeader": []
                  },
                  {
                    "ApiKeyQuery": []
                  },
                  {
                    "BearerAuth": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The post.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/PostDetailResult"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/PostNotFound"
                  },
                  "500": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              },
              "patch": {
                "operationId": "updatePostTags",
                "tags": [
                  "moderation"
                ],
                "summary": "Replace a post's tags",
                "description": "Admin key. `tags` is the only member that can be changed; any other is a 422. Recorded in the history as `tags`.",
                "security": [
                  {
                    "ApiKeyHeader": []
                  },
                  {
                    "ApiKeyQuery": []
                  },
                  {
                    "BearerAuth": []
                  }
                ],
                "requestBody": {
                  "required": true,
                  "description": "The new tags.",
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/TagsRequest"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "The post with its new tags.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/PostResult"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/PostNotFound"
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "415": {
                    "$ref": "#/components/responses/UnsupportedMediaType"
                  },
                  "422": {
                    "$ref": "#/components/responses/UnprocessableContent"
                  },
                  "500": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              }
            },
            "/v2/{site}/posts/{flocklerId}/publish": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/Site"
                },
                {
                  "$ref": "#/components/parameters/FlocklerId"
                }
              ],
              "post": {
                "operationId": "publishPost",
                "tags": [
                  "moderation"
                ],
                "summary": "Publish a post",
                "description": "Admin key. No body. The decision becomes the operator's: `decidedBy: operator`, no score or reasons; rule changes never undo it.",
                "security": [
                  {
                    "ApiKeyHeader": []
                  },
                  {
                    "ApiKeyQuery": []
                  },
                  {
                    "BearerAuth": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The post after the action, with `moderation`.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/PostResult"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/PostNotFound"
                  },
                  "500": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              }
            },
            "/v2/{site}/posts/{flocklerId}/hide": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/Site"
                },
                {
                  "$ref": "#/components/parameters/FlocklerId"
                }
              ],
              "post": {
                "operationId": "hidePost",
                "tags": [
                  "moderation"
                ],
                "summary": "Hide a post",
                "description": "Admin key. No body. The decision becomes the operator's: `decidedBy: operator`, no score or reasons; rule changes never undo it.",
                "security": [
                  {
                    "ApiKeyHeader": []
                  },
                  {
                    "ApiKeyQuery": []
                  },
                  {
                    "BearerAuth": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The post after the action, with `moderation`.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/PostResult"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/PostNotFound"
                  },
                  "500": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              }
            },
            "/v2/{site}/posts/{flocklerId}/pin": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/Site"
                },
                {
                  "$ref": "#/components/parameters/FlocklerId"
                }
              ],
              "post": {
                "operationId": "pinPost",
                "tags": [
                  "moderation"
                ],
                "summary": "Pin a post at an index",
                "description": "Admin key. Inserts the post into the pinned list at `index` (the posts at and after it move down one; indexes stay 0, 1, 2... without gaps). A missing or out-of-range `index`, or any other member, is a 422.",
                "security": [
                  {
                    "ApiKeyHeader": []
                  },
                  {
                    "ApiKeyQuery": []
                  },
                  {
                    "BearerAuth": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The post after the action, with `moderation`.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/PostResult"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/PostNotFound"
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "415": {
                    "$ref": "#/components/responses/UnsupportedMediaType"
                  },
                  "422": {
                    "$ref": "#/components/responses/UnprocessableContent"
                  },
                  "500": {
                    "$ref": "#/components/responses/ServerError"
                  }
                },
                "requestBody": {
                  "required": true,
                  "description": "Where to pin.",
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/PinRequest"
                      }
                    }
                  }
                }
              }
            },
            "/v2/{site}/posts/{flocklerId}/unpin": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/Site"
                },
                {
                  "$ref": "#/components/parameters/FlocklerId"
                }
              ],
              "post": {
                "operationId": "unpinPost",
                "tags": [
                  "moderation"
                ],
                "summary": "Unpin a post",
                "description": "Admin key. No body. The pinned posts after it move up one.",
                "security": [
                  {
                    "ApiKeyHeader": []
                  },
                  {
                    "ApiKeyQuery": []
                  },
                  {
                    "BearerAuth": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The post after the action, with `moderation`.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/PostResult"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/PostNotFound"
                  },
                  "500": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              }
            },
            "/v2/{site}/moderation/batch": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/Site"
                }
              ],
              "post": {
                "operationId": "moderateBatch",
                "tags": [
                  "moderation"
                ],
                "summary": "Publish or hide many posts at once",
                "description": "Admin key. All or nothing: one unknown id is a 404 and nothing changes. Each post's action is recorded in its history and the audit log.",
                "security": [
                  {
                    "ApiKeyHeader": []
                  },
                  {
                    "ApiKeyQuery": []
                  },
                  {
                    "BearerAuth": []
                  }
                ],
                "requestBody": {
                  "required": true,
                  "description": "The action and the posts.",
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/BatchRequest"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "Applied to every post.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/BatchResultEnvelope"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/PostNotFound"
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "415": {
                    "$ref": "#/components/responses/UnsupportedMediaType"
                  },
                  "422": {
                    "$ref": "#/components/responses/UnprocessableContent"
                  },
                  "500": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              }
            },
            "/v2/{site}/moderation/rules": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/Site"
                }
              ],
              "get": {
                "operationId": "getRules",
                "tags": [
                  "moderation"
                ],
                "summary": "The site's rule set",
                "description": "Admin key. A site that never saved rules has none and the default thresholds.",
                "security": [
                  {
                    "ApiKeyHeader": []
                  },
                  {
                    "ApiKeyQuery": []
                  },
                  {
                    "BearerAuth": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The rule set.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/RuleSetResult"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "500": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              },
              "put": {
                "operationId": "putRules",
                "tags": [
                  "moderation"
                ],
                "summary": "Replace the site's rule set",
                "description": "Admin key. New posts are decided by the new rules. With `reevaluate=true` the posts in the inbox are decided again now (operator decisions never change). An empty body saves an empty rule set.",
                "security": [
                  {
                    "ApiKeyHeader": []
                  },
                  {
                    "ApiKeyQuery": []
                  },
                  {
                    "BearerAuth": []
                  }
                ],
                "parameters": [
                  {
                    "name": "reevaluate",
                    "in": "query",
                    "required": false,
                    "description": "Decide the inbox posts again with the new rules. `true`/`1` or `false`/`0`; anything else is a 400.",
                    "schema": {
                      "type": "string",
                      "enum": [
                        "true",
                        "false",
                        "1",
                        "0"
                      ],
                      "default": "false"
                    }
                  }
                ],
                "requestBody": {
                  "required": false,
                  "description": "The whole rule set.",
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/RuleSetRequest"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "The saved rule set.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/SavedRuleSetResult"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "415": {
                    "$ref": "#/components/responses/UnsupportedMediaType"
                  },
                  "422": {
                    "$ref": "#/components/responses/UnprocessableContent"
                  },
                  "500": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              }
            },
            "/v2/{site}/moderation/rules/preview": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/Site"
                }
              ],
              "post": {
                "operationId": "previewRules",
                "tags": [
                  "moderation"
                ],
                "summary": "What a rule set would decide, changing nothing",
                "description": "Admin key. Decides the site's 200 most recently stored posts (newest first) with the given rule set and each post's feed mode; nothing is saved.",
                "security": [
                  {
                    "ApiKeyHeader": []
                  },
                  {
                    "ApiKeyQuery": []
                  },
                  {
                    "BearerAuth": []
                  }
                ],
                "requestBody": {
                  "required": false,
                  "description": "The rule set to try.",
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/RuleSetRequest"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "One item per recent post.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/PreviewResult"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "415": {
                    "$ref": "#/components/responses/UnsupportedMediaType"
                  },
                  "422": {
                    "$ref": "#/components/responses/UnprocessableContent"
                  },
                  "500": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              }
            },
            "/v2/{site}/moderation/log": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/Site"
                }
              ],
              "get": {
                "operationId": "getModerationLog",
                "tags": [
                  "moderation"
                ],
                "summary": "The audit log of operator actions",
                "description": "Admin key. Who (key id) did what to which post, when; newest first. Any other query parameter (except `api_key`) is a 400.",
                "security": [
                  {
                    "ApiKeyHeader": []
                  },
                  {
                    "ApiKeyQuery": []
                  },
                  {
                    "BearerAuth": []
                  }
                ],
                "parameters": [
                  {
                    "name": "count",
                    "in": "query",
                    "required": false,
                    "description": "How many entries, 1 to 500.",
                    "schema": {
                      "type": "integer",
                      "minimum": 1,
                      "maximum": 500,
                      "default": 50
                    }
                  },
                  {
                    "name": "before",
                    "in": "query",
                    "required": false,
                    "description": "Only entries with a smaller `id`: pass the last `id` of a page for the next one.",
                    "schema": {
                      "type": "integer",
                      "format": "int64",
                      "minimum": 1
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The entries (`actor` is always `operator`).",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/AuditLogResult"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "500": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              }
            },
            "/admin": {
              "get": {
                "operationId": "getAdminPage",
                "tags": [
                  "system"
                ],
                "summary": "The operator inbox page",
                "description": "A self-contained HTML page that works the moderation endpoints from the browser; it asks for an admin key and sends it with each request. The page itself needs no key.",
                "security": [],
                "responses": {
                  "200": {
                    "description": "The page.",
                    "headers": {
                      "Content-Security-Policy": {
                        "description": "Locks the page down: inline script and style only, images from http(s) and data, fetches to this origin only, no framing.",
                        "schema": {
                          "type": "string"
                        }
                      },
                      "Cache-Control": {
                        "description": "`no-store`.",
                        "schema": {
                          "type": "string",
                          "const": "no-store"
                        }
                      }
                    },
                    "content": {
                      "text/html": {
                        "schema": {
                          "type": "string"
                        }
                      }
                    }
                  },
                  "500": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              }
            },
            "/v2/{site}/connections": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/Site"
                }
              ],
              "get": {
                "operationId": "listConnections",
                "tags": [
                  "connections"
                ],
                "summary": "The site's platform connections",
                "description": "Admin key. Secret credential values are never returned.",
                "security": [
                  {
                    "ApiKeyHeader": []
                  },
                  {
                    "ApiKeyQuery": []
                  },
                  {
                    "BearerAuth": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The connections.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ConnectionListResult"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "500": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              },
              "post": {
                "operationId": "createConnection",
                "tags": [
                  "connections"
                ],
                "summary": "Store credentials for a platform account",
                "description": "Admin key. The site's feeds of that service fetch with the newest connection of the service unless a feed names one in `feed_attributes.connection_id`. Credential fields per service: `twitter_v2` bearer_token; `instagram_graph_api`, `facebook`, `vimeo` access_token; `linkedin` access_token (refresh_token); `tiktok` access_token, refresh_token, client_key, client_secret; `google_review` api_key, or access_token (refresh_token, client_id, client_secret); `bluesky` identifier, app_password. Unknown fields and missing required ones are a 422 naming `credentials.<field>`.",
                "security": [
                  {
                    "ApiKeyHeader": []
                  },
                  {
                    "ApiKeyQuery": []
                  },
                  {
                    "BearerAuth": []
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/ConnectionCreateRequest"
                      }
                    }
                  }
                },
                "responses": {
                  "201": {
                    "description": "The stored connection, secrets masked.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ConnectionResult"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "422": {
                    "$ref": "#/components/responses/UnprocessableContent"
                  },
                  "500": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              }
            },
            "/v2/{site}/connections/{connectionId}": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/Site"
                },
                {
                  "$ref": "#/components/parameters/ConnectionId"
                }
              ],
              "get": {
                "operationId": "getConnection",
                "tags": [
                  "connections"
                ],
                "summary": "One connection",
                "description": "Admin key.",
                "security": [
                  {
                    "ApiKeyHeader": []
                  },
                  {
                    "ApiKeyQuery": []
                  },
                  {
                    "BearerAuth": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The connection, secrets masked.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ConnectionResult"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "500": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              },
              "delete": {
                "operationId": "deleteConnection",
                "tags": [
                  "connections"
                ],
                "summary": "Delete a connection",
                "description": "Admin key. Feeds that used it fetch with another connection of the service, or turn unhealthy saying they need one.",
                "security": [
                  {
                    "ApiKeyHeader": []
                  },
                  {
                    "ApiKeyQuery": []
                  },
                  {
                    "BearerAuth": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "Deleted: `{\"result\": {\"success\": true, \"data\": null}}`.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/DeletedResult"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "500": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              }
            },
            "/v2/{site}/feeds/{feedId}/fetch": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/Site"
                },
                {
                  "$ref": "#/components/parameters/FeedId"
                }
              ],
              "post": {
                "operationId": "fetchFeedNow",
                "tags": [
                  "feeds"
                ],
                "summary": "Fetch a feed now",
                "description": "Admin key. Makes the feed due at once: the scheduler of `roost serve` fetches it within a second, whatever its interval. A platform's rate limit still applies (a rate-limited feed waits for the platform's reset). A disabled feed is a 422.",
                "security": [
                  {
                    "ApiKeyHeader": []
                  },
                  {
                    "ApiKeyQuery": []
                  },
                  {
                    "BearerAuth": []
                  }
                ],
                "responses": {
                  "202": {
                    "description": "Accepted; the feed as it is now (its `status` changes once the fetch is done).",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/FeedResult"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "422": {
                    "$ref": "#/components/responses/UnprocessableContent"
                  },
                  "500": {
                    "$ref": "#/components/responses/ServerError"
                  }
                }
              }
            }
          },
          "components": {
            "securitySchemes": {
              "ApiKeyHeader": {
                "type": "apiKey",
                "in": "header",
                "name": "X-FL-API-Key",
                "description": "The site's key in a header."
              },
              "ApiKeyQuery": {
                "type": "apiKey",
                "in": "query",
                "name": "api_key",
                "description": "The site's key as a query parameter (never copied into pagination links)."
              },
              "BearerAuth": {
                "type": "http",
                "scheme": "bearer",
                "description": "`Authorization: Bearer KEY`."
              }
            },
            "parameters": {
              "Site": {
                "name": "site",
                "in": "path",
                "required": true,
                "description": "The site's UUID (case-insensitive).",
                "schema": {
                  "type": "string",
                  "format": "uuid"
                }
              },
              "FeedId": {
                "name": "feedId",
                "in": "path",
                "required": true,
                "description": "The feed's numeric id or its UUID.",
                "schema": {
                  "type": "string",
                  "minLength": 1
                }
              },
              "FlocklerId": {
                "name": "flocklerId",
                "in": "path",
                "required": true,
                "description": "The post's `flocklerId`; anything but a positive integer is a 400.",
                "schema": {
                  "type": "integer",
                  "format": "int64",
                  "minimum": 1
                }
              },
              "ConnectionId": {
                "name": "connectionId",
                "in": "path",
                "required": true,
                "description": "The connection's id or uuid.",
                "schema": {
                  "type": "string"
                }
              }
            },
            "headers": {
              "ETag": {
                "description": "A weak entity tag of the body; send it back as `If-None-Match`.",
                "schema": {
                  "type": "string"
                }
              },
              "CacheControl": {
                "description": "`no-cache`: revalidate with `If-None-Match`.",
                "schema": {
                  "type": "string",
                  "const": "no-cache"
                }
              },
              "AccessControlAllowOrigin": {
                "description": "CORS: `*`.",
                "schema": {
                  "type": "string",
                  "const": "*"
                }
              },
              "AccessControlExposeHeaders": {
                "description": "CORS: `ETag`.",
                "schema": {
                  "type": "string",
                  "const": "ETag"
                }
              }
            },
            "responses": {
              "BadRequest": {
                "description": "`validation_error`: a bad query parameter (named in `details`), a body that is not valid JSON, or a malformed form field name.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    }
                  }
                }
              },
              "Unauthorized": {
                "description": "`authentication_error`: no API key, or an unknown one.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    }
                  }
                }
              },
              "Forbidden": {
                "description": "`permission_error`: the key belongs to another site, or a read key was used on an admin endpoint.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    }
                  }
                }
              },
              "NotFound": {
                "description": "`not_found`: no such feed on this site.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    }
                  }
                }
              },
              "Conflict": {
                "description": "`conflict`: a section of that name already exists.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    }
                  }
                }
              },
              "PayloadTooLarge": {
                "description": "`payload_too_large`: the body is larger than 256 KiB.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    }
                  }
                }
              },
              "UnsupportedMediaType": {
                "description": "`validation_error`: the body is neither `application/json` nor `application/x-www-form-urlencoded`.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    }
                  }
                }
              },
              "UnprocessableContent": {
                "description": "`validation_error`: a body field is missing, unknown or malformed (each named in `details`); nothing was created or changed.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    }
                  }
                }
              },
              "ServerError": {
                "description": "`server_error`: the server could not complete the request; the message names no internals.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    }
                  }
                }
              },
              "PostNotFound": {
                "description": "`not_found`: no post of this site has that id. For a batch, `details` names the unknown ids under `ids`, and nothing was changed.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    }
                  }
                }
              }
            },
            "schemas": {
              "FlocklerPost": {
                "type": "object",
                "description": "A published post in Flockler's `FlocklerPost` shape (SPEC 2, 3.3). Every member is always present; unknown values are null.",
                "required": [
                  "flocklerId",
                  "channel",
                  "sourceId",
                  "sourceUrl",
                  "title",
                  "textRich",
                  "textPlain",
                  "publishedAt",
                  "from",
                  "tags",
                  "images",
                  "videos",
                  "postType",
                  "ctaLink",
                  "attachments",
                  "pinnedIndex"
                ],
                "properties": {
                  "flocklerId": {
                    "type": "integer",
                    "format": "int64",
                    "minimum": 1,
                    "description": "Positive, unique within the installation."
                  },
                  "channel": {
                    "type": "string",
                    "description": "Where the post comes from: `rss` for every feed format, else the platform (`twitter`, `instagram`, `youtube`, `bluesky`, ...).",
                    "examples": [
                      "bluesky",
                      "facebook",
                      "flickr",
                      "flockler",
                      "google_review",
                      "instagram",
                      "link",
                      "linkedin",
                      "pinterest",
                      "review",
                      "rss",
                      "tiktok",
                      "twitter",
                      "vimeo",
                      "youtube"
                    ]
                  },
                  "sourceId": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "The source's own id for the entry."
                  },
                  "sourceUrl": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "uri",
                    "description": "The entry's absolute link."
                  },
                  "title": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "Plain-text title."
                  },
                  "textRich": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "Sanitized HTML of the richest body."
                  },
                  "textPlain": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "The body as plain text."
                  },
                  "publishedAt": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "date-time",
                    "description": "UTC with milliseconds, e.g. `2025-05-08T04:43:21.000Z`; null when the source gives no date."
                  },
                  "from": {
                    "$ref": "#/components/schemas/PostAuthor"
                  },
                  "tags": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    },
                    "description": "Category terms, then hashtags, each once."
                  },
                  "images": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/PostImage"
                    }
                  },
                  "videos": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/PostVideo"
                    }
                  },
                  "postType": {
                    "type": "string",
                    "enum": [
                      "video",
                      "image",
                      "link",
                      "text"
                    ],
                    "description": "`video` if there are videos, else `image` if there are images, else `link` if the post has a link, else `text`."
                  },
                  "ctaLink": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "uri",
                    "description": "A call-to-action link; feeds never have one."
                  },
                  "attachments": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/PostAttachment"
                    }
                  },
                  "pinnedIndex": {
                    "type": [
                      "integer",
                      "null"
                    ],
                    "minimum": 0,
                    "description": "The post's place among the pinned posts; null when not pinned."
                  }
                },
                "additionalProperties": false
              },
              "PostAuthor": {
                "type": "object",
                "required": [
                  "name",
                  "username",
                  "profileUrl",
                  "profileImageUrl"
                ],
                "properties": {
                  "name": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "username": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "profileUrl": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "uri"
                  },
                  "profileImageUrl": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "uri"
                  }
                },
                "additionalProperties": false
              },
              "PostImage": {
                "type": "object",
                "required": [
                  "url",
                  "altText"
                ],
                "properties": {
                  "url": {
                    "type": "string",
                    "format": "uri"
                  },
                  "altText": {
                    "type": [
                      "string",
                      "null"
                    ]
                  }
                },
                "additionalProperties": false
              },
              "PostVideo": {
                "type": "object",
                "required": [
                  "type",
                  "url"
                ],
                "properties": {
                  "type": {
                    "type": "string",
                    "enum": [
                      "file",
                      "iframe",
                      "link"
                    ],
                    "description": "`file`: a video file; `iframe`: an embeddable player; `link`: a page showing the video."
                  },
                  "url": {
                    "type": "string",
                    "format": "uri"
                  }
                },
                "additionalProperties": false
              },
              "PostAttachment": {
                "type": "object",
                "description": "Structured extra content, such as a review's rating: a `type` and scalar members.",
                "required": [
                  "type"
                ],
                "properties": {
                  "type": {
                    "type": "string",
                    "examples": [
                      "rating"
                    ]
                  }
                },
                "additionalProperties": {
                  "type": [
                    "string",
                    "number",
                    "boolean",
                    "null"
                  ]
                }
              },
              "PostsPage": {
                "type": "object",
                "required": [
                  "meta",
                  "pagination",
                  "posts"
                ],
                "properties": {
                  "meta": {
                    "type": "object",
                    "required": [
                      "statsApiEndpoint"
                    ],
                    "properties": {
                      "statsApiEndpoint": {
                        "type": [
                          "string",
                          "null"
                        ],
                        "description": "Kept for Flockler compatibility; Roost has no statistics endpoint, so it is null."
                      }
                    },
                    "additionalProperties": false
                  },
                  "pagination": {
                    "type": "object",
                    "required": [
                      "newer",
                      "older"
                    ],
                    "properties": {
                      "newer": {
                        "type": [
                          "string",
                          "null"
                        ],
                        "format": "uri",
                        "description": "Absolute link to posts sorting before the first post of this page (for polling); null only with `order=random`. Keeps every filter and `count`, never the key."
                      },
                      "older": {
                        "type": [
                          "string",
                          "null"
                        ],
                        "format": "uri",
                        "description": "Absolute link to the next page of older posts; null when there are none or with `order=random`."
                      }
                    },
                    "additionalProperties": false
                  },
                  "posts": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/FlocklerPost"
                    },
                    "maxItems": 100
                  }
                },
                "additionalProperties": false
              },
              "Section": {
                "type": "object",
                "required": [
                  "id",
                  "uuid",
                  "name",
                  "created_at"
                ],
                "properties": {
                  "id": {
                    "type": "integer",
                    "format": "int64",
                    "minimum": 1
                  },
                  "uuid": {
                    "type": "string"
                  },
                  "name": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 200
                  },
                  "created_at": {
                    "type": "string",
                    "format": "date-time",
                    "description": "UTC, whole seconds: `2025-05-08T04:43:21Z`."
                  }
                },
                "additionalProperties": false
              },
              "FeedStatus": {
                "type": "object",
                "required": [
                  "is_healthy",
                  "error_message",
                  "last_fetched_at"
                ],
                "properties": {
                  "is_healthy": {
                    "type": "boolean",
                    "description": "False while the feed's last fetches fail; true again once a fetch succeeds."
                  },
                  "error_message": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "Why the feed is unhealthy, in words an operator can act on."
                  },
                  "last_fetched_at": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "date-time",
                    "description": "UTC, whole seconds."
                  }
                },
                "additionalProperties": false
              },
              "Feed": {
                "type": "object",
                "required": [
                  "id",
                  "uuid",
                  "name",
                  "service",
                  "channel",
                  "feed_attributes",
                  "moderation_type",
                  "enabled",
                  "section",
                  "status",
                  "created_at",
                  "updated_at"
                ],
                "properties": {
                  "id": {
                    "type": "integer",
                    "format": "int64",
                    "minimum": 1
                  },
                  "uuid": {
                    "type": "string"
                  },
                  "name": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "service": {
                    "type": "string",
                    "enum": [
                      "rss",
                      "twitter_v2",
                      "pinterest",
                      "youtube",
                      "instagram_graph_api",
                      "instagram_basic_display",
                      "facebook",
                      "linkedin",
                      "tiktok",
                      "google_review",
                      "bluesky",
                      "flickr",
                      "vimeo"
                    ]
                  },
                  "channel": {
                    "type": "string",
                    "enum": [
                      "bluesky",
                      "facebook",
                      "flickr",
                      "flockler",
                      "google_review",
                      "instagram",
                      "link",
                      "linkedin",
                      "pinterest",
                      "review",
                      "rss",
                      "tiktok",
                      "twitter",
                      "vimeo",
                      "youtube"
                    ],
                    "description": "The channel the feed's posts carry (SPEC 3.6)."
                  },
                  "feed_attributes": {
                    "type": "object",
                    "additionalProperties": {
                      "type": [
                        "string",
                        "number",
                        "boolean"
                      ]
                    }
                  },
                  "moderation_type": {
                    "type": "string",
                    "enum": [
                      "saved_to_inbox",
                      "ai_moderation",
                      "auto_publish"
                    ]
                  },
                  "enabled": {
                    "type": "boolean"
                  },
                  "section": {
                    "anyOf": [
                      {
                        "$ref": "#/components/schemas/Section"
                      },
                      {
                        "type": "null"
                      }
                    ]
                  },
                  "status": {
                    "$ref": "#/components/schemas/FeedStatus"
                  },
                  "created_at": {
                    "type": "string",
                    "format": "date-time",
                    "description": "UTC, whole seconds: `2025-05-08T04:43:21Z`."
                  },
                  "updated_at": {
                    "type": "string",
                    "format": "date-time",
                    "description": "UTC, whole seconds."
                  }
                },
                "additionalProperties": false,
                "example": {
                  "id": 42,
                  "uuid": "7f1c2e0a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                  "name": "Blog",
                  "service": "rss",
                  "channel": "rss",
                  "feed_attributes": {
                    "url": "https://example.com/feed.xml"
                  },
                  "moderation_type": "auto_publish",
                  "enabled": true,
                  "section": {
                    "id": 3,
                    "uuid": "0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a",
                    "name": "News",
                    "created_at": "2025-05-08T04:43:21Z"
                  },
                  "status": {
                    "is_healthy": true,
                    "error_message": null,
                    "last_fetched_at": "2025-05-08T05:00:00Z"
                  },
                  "created_at": "2025-05-08T04:43:21Z",
                  "updated_at": "2025-05-08T04:43:21Z"
                }
              },
              "ResultEnvelope": {
                "type": "object",
                "description": "The success envelope of the feeds and sections endpoints: `{\"result\": {\"success\": true, \"data\": ...}}`.",
                "required": [
                  "result"
                ],
                "properties": {
                  "result": {
                    "type": "object",
                    "required": [
                      "success",
                      "data"
                    ],
                    "properties": {
                      "success": {
                        "const": true
                      },
                      "data": {}
                    }
                  }
                }
              },
              "FeedResult": {
                "allOf": [
                  {
                    "$ref": "#/components/schemas/ResultEnvelope"
                  },
                  {
                    "properties": {
                      "result": {
                        "properties": {
                          "data": {
                            "$ref": "#/components/schemas/Feed"
                          }
                        }
                      }
                    }
                  }
                ]
              },
              "FeedListResult": {
                "allOf": [
                  {
                    "$ref": "#/components/schemas/ResultEnvelope"
                  },
                  {
                    "properties": {
                      "result": {
                        "properties": {
                          "data": {
                            "type": "array",
                            "items": {
                              "$ref": "#/components/schemas/Feed"
                            }
                          }
                        }
                      }
                    }
                  }
                ]
              },
              "DeletedResult": {
                "allOf": [
                  {
                    "$ref": "#/components/schemas/ResultEnvelope"
                  },
                  {
                    "properties": {
                      "result": {
                        "properties": {
                          "data": {
                            "type": "null"
                          }
                        }
                      }
                    }
                  }
                ]
              },
              "SectionResult": {
                "allOf": [
                  {
                    "$ref": "#/components/schemas/ResultEnvelope"
                  },
                  {
                    "properties": {
                      "result": {
                        "properties": {
                          "data": {
                            "$ref": "#/components/schemas/Section"
                          }
                        }
                      }
                    }
                  }
                ]
              },
              "SectionListResult": {
                "allOf": [
                  {
                    "$ref": "#/components/schemas/ResultEnvelope"
                  },
                  {
                    "properties": {
                      "result": {
                        "properties": {
                          "data": {
                            "type": "array",
                            "items": {
                              "$ref": "#/components/schemas/Section"
                            }
                          }
                        }
                      }
                    }
                  }
                ]
              },
              "SectionReference": {
                "description": "Names the section of a new feed: an existing one by `id` or `uuid`, or one to find or create by `name`. Exactly one member. Without it the feed goes into the site's `default` section.",
                "oneOf": [
                  {
                    "type": "object",
                    "required": [
                      "id"
                    ],
                    "additionalProperties": false,
                    "properties": {
                      "id": {
                        "oneOf": [
                          {
                            "type": "integer",
                            "minimum": 1
                          },
                          {
                            "type": "string",
                            "pattern": "^[0-9]+$"
                          }
                        ]
                      }
                    }
                  },
                  {
                    "type": "object",
                    "required": [
                      "uuid"
                    ],
                    "additionalProperties": false,
                    "properties": {
                      "uuid": {
                        "type": "string",
                        "minLength": 1,
                        "maxLength": 64
                      }
                    }
                  },
                  {
                    "type": "object",
                    "required": [
                      "name"
                    ],
                    "additionalProperties": false,
                    "properties": {
                      "name": {
                        "type": "string",
                        "minLength": 1,
                        "maxLength": 200,
                        "description": "Trimmed; must not be blank."
                      }
                    }
                  }
                ]
              },
              "FeedFields": {
                "type": "object",
                "properties": {
                  "name": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "maxLength": 200,
                    "description": "Display name; an empty string or null means no name."
                  },
                  "service": {
                    "type": "string",
                    "enum": [
                      "rss",
                      "twitter_v2",
                      "pinterest",
                      "youtube",
                      "instagram_graph_api",
                      "instagram_basic_display",
                      "facebook",
                      "linkedin",
                      "tiktok",
                      "google_review",
                      "bluesky",
                      "flickr",
                      "vimeo"
                    ],
                    "default": "rss",
                    "description": "The feed type: `rss` (RSS, Atom, RDF and JSON Feed) or a platform of SPEC 3.6: `twitter_v2`, `pinterest`, `youtube`, `instagram_graph_api`, `facebook`, `linkedin`, `tiktok`, `google_review`, `bluesky`, `flickr`, `vimeo`. `instagram_basic_display` is listed but cannot be created (Meta retired it on 4 December 2024): a 422 says to use `instagram_graph_api`."
                  },
                  "feed_attributes": {
                    "type": "object",
                    "additionalProperties": {
                      "type": [
                        "string",
                        "number",
                        "boolean"
                      ]
                    },
                    "description": "The type's parameters (SPEC 3.4, 3.6). `rss`: `{url}`; `twitter_v2`: `{author, hashtag_or_keyword, include_replies, videos_required, pictures_required}`; `pinterest`: `{url}` (a board or profile address); `youtube`: `{channel_id | playlist_id | url, exclude_shorts}`; `instagram_graph_api`: `{ig_user_id, source: account|hashtag, hashtag}`; `facebook`: `{page_id, include_reviews}`; `linkedin`: `{organization_id}`; `tiktok`: `{}`; `google_review`: `{place_id, api: places|legacy, language, min_rating}` or `{account_id, location_id, min_rating}`; `bluesky`: `{handle | did | hashtag, include_reposts, include_replies}`; `flickr`: `{user_id, tags, tagmode}`; `vimeo`: `{user, showcase_id}`. Platform feeds may name a connection in `connection_id`; credential fields given here (`access_token`, `app_password`, ...) are moved into a new connection of the site and never shown with the feed. A wrong type, an unknown, missing or malformed attribute, or an address the network policy refuses is a 422 naming `feed.feed_attributes.<name>`.",
                    "example": {
                      "url": "https://example.com/feed.xml"
                    }
                  },
                  "moderation_type": {
                    "type": "string",
                    "enum": [
                      "saved_to_inbox",
                      "ai_moderation",
                      "auto_publish"
                    ],
                    "default": "saved_to_inbox",
                    "description": "What a new post of this feed becomes (SPEC 3.5)."
                  },
                  "enabled": {
                    "type": "boolean",
                    "default": true
                  }
                },
                "additionalProperties": false
              },
              "FeedCreateRequest": {
                "description": "`{\"feed\": {...}, \"section\": {...}}`, or the feed's members at the top level beside `section`. Unknown members are a 422.",
                "anyOf": [
                  {
                    "type": "object",
                    "required": [
                      "feed"
                    ],
                    "additionalProperties": false,
                    "properties": {
                      "feed": {
                        "$ref": "#/components/schemas/FeedFields"
                      },
                      "section": {
                        "$ref": "#/components/schemas/SectionReference"
                      }
                    }
                  },
                  {
                    "type": "object",
                    "additionalProperties": false,
                    "properties": {
                      "name": {
                        "type": [
                          "string",
                          "null"
                        ],
                        "maxLength": 200,
                        "description": "Display name; an empty string or null means no name."
                      },
                      "service": {
                        "type": "string",
                        "enum": [
                          "rss",
                          "twitter_v2",
                          "pinterest",
                          "youtube",
                          "instagram_graph_api",
                          "instagram_basic_display",
                          "facebook",
                          "linkedin",
                          "tiktok",
                          "google_review",
                          "bluesky",
                          "flickr",
                          "vimeo"
                        ],
                        "default": "rss",
                        "description": "The feed type: `rss` (RSS, Atom, RDF and JSON Feed) or a platform of SPEC 3.6: `twitter_v2`, `pinterest`, `youtube`, `instagram_graph_api`, `facebook`, `linkedin`, `tiktok`, `google_review`, `bluesky`, `flickr`, `vimeo`. `instagram_basic_display` is listed but cannot be created (Meta retired it on 4 December 2024): a 422 says to use `instagram_graph_api`."
                      },
                      "feed_attributes": {
                        "type": "object",
                        "additionalProperties": {
                          "type": [
                            "string",
                            "number",
                            "boolean"
                          ]
                        },
                        "description": "The type's parameters (SPEC 3.4, 3.6). `rss`: `{url}`; `twitter_v2`: `{author, hashtag_or_keyword, include_replies, videos_required, pictures_required}`; `pinterest`: `{url}` (a board or profile address); `youtube`: `{channel_id | playlist_id | url, exclude_shorts}`; `instagram_graph_api`: `{ig_user_id, source: account|hashtag, hashtag}`; `facebook`: `{page_id, include_reviews}`; `linkedin`: `{organization_id}`; `tiktok`: `{}`; `google_review`: `{place_id, api: places|legacy, language, min_rating}` or `{account_id, location_id, min_rating}`; `bluesky`: `{handle | did | hashtag, include_reposts, include_replies}`; `flickr`: `{user_id, tags, tagmode}`; `vimeo`: `{user, showcase_id}`. Platform feeds may name a connection in `connection_id`; credential fields given here (`access_token`, `app_password`, ...) are moved into a new connection of the site and never shown with the feed. A wrong type, an unknown, missing or malformed attribute, or an address the network policy refuses is a 422 naming `feed.feed_attributes.<name>`.",
                        "example": {
                          "url": "https://example.com/feed.xml"
                        }
                      },
                      "moderation_type": {
                        "type": "string",
                        "enum": [
                          "saved_to_inbox",
                          "ai_moderation",
                          "auto_publish"
                        ],
                        "default": "saved_to_inbox",
                        "description": "What a new post of this feed becomes (SPEC 3.5)."
                      },
                      "enabled": {
                        "type": "boolean",
                        "default": true
                      },
                      "section": {
                        "$ref": "#/components/schemas/SectionReference"
                      }
                    }
                  }
                ],
                "example": {
                  "feed": {
                    "name": "Blog",
                    "service": "rss",
                    "feed_attributes": {
                      "url": "https://example.com/feed.xml"
                    },
                    "moderation_type": "auto_publish"
                  },
                  "section": {
                    "name": "News"
                  }
                }
              },
              "FeedCreateForm": {
                "type": "object",
                "description": "Form-encoded with bracketed names: `feed[name]=Blog&feed[service]=rss&feed[feed_attributes][url]=https%3A%2F%2Fexample.com%2Frss&section[uuid]=...`.",
                "properties": {
                  "feed": {
                    "type": "object",
                    "properties": {
                      "name": {
                        "type": "string",
                        "maxLength": 200
                      },
                      "service": {
                        "type": "string",
                        "enum": [
                          "rss",
                          "twitter_v2",
                          "pinterest",
                          "youtube",
                          "instagram_graph_api",
                          "instagram_basic_display",
                          "facebook",
                          "linkedin",
                          "tiktok",
                          "google_review",
                          "bluesky",
                          "flickr",
                          "vimeo"
                        ]
                      },
                      "feed_attributes": {
                        "type": "object",
                        "additionalProperties": {
                          "type": "string"
                        },
                        "description": "`feed[feed_attributes][url]=...`"
                      },
                      "moderation_type": {
                        "type": "string",
                        "enum": [
                          "saved_to_inbox",
                          "ai_moderation",
                          "auto_publish"
                        ]
                      },
                      "enabled": {
                        "type": "string",
                        "enum": [
                          "true",
                          "false"
                        ]
                      }
                    },
                    "additionalProperties": false
                  },
                  "section": {
                    "type": "object",
                    "maxProperties": 1,
                    "minProperties": 1,
                    "additionalProperties": false,
                    "properties": {
                      "id": {
                        "type": "string",
                        "pattern": "^[0-9]+$"
                      },
                      "uuid": {
                        "type": "string",
                        "maxLength": 64
                      },
                      "name": {
                        "type": "string",
                        "maxLength": 200
                      }
                    }
                  }
                },
                "additionalProperties": false
              },
              "FeedUpdateFields": {
                "type": "object",
                "description": "The members to change; those left out stay. `service` may only repeat the feed's own type, and `section` cannot be changed (both 422).",
                "properties": {
                  "name": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "maxLength": 200,
                    "description": "Display name; an empty string or null means no name."
                  },
                  "service": {
                    "type": "string",
                    "enum": [
                      "rss",
                      "twitter_v2",
                      "pinterest",
                      "youtube",
                      "instagram_graph_api",
                      "instagram_basic_display",
                      "facebook",
                      "linkedin",
                      "tiktok",
                      "google_review",
                      "bluesky",
                      "flickr",
                      "vimeo"
                    ],
                    "description": "Accepted only when equal to the feed's type."
                  },
                  "feed_attributes": {
                    "type": "object",
                    "additionalProperties": {
                      "type": [
                        "string",
                        "number",
                        "boolean"
                      ]
                    },
                    "description": "Replaces the attributes; validated for the feed's type.",
                    "example": {
                      "url": "https://example.com/feed.xml"
                    }
                  },
                  "moderation_type": {
                    "type": "string",
                    "enum": [
                      "saved_to_inbox",
                      "ai_moderation",
                      "auto_publish"
                    ],
                    "default": "saved_to_inbox",
                    "description": "What a new post of this feed becomes (SPEC 3.5)."
                  },
                  "enabled": {
                    "type": "boolean"
                  }
                },
                "additionalProperties": false
              },
              "FeedUpdateRequest": {
                "description": "`{\"feed\": {...}}` or the members at the top level.",
                "anyOf": [
                  {
                    "type": "object",
                    "required": [
                      "feed"
                    ],
                    "additionalProperties": false,
                    "properties": {
                      "feed": {
                        "$ref": "#/components/schemas/FeedUpdateFields"
                      }
                    }
                  },
                  {
                    "$ref": "#/components/schemas/FeedUpdateFields"
                  }
                ],
                "example": {
                  "name": "Renamed",
                  "enabled": false
                }
              },
              "FeedUpdateForm": {
                "type": "object",
                "properties": {
                  "feed": {
                    "type": "object",
                    "properties": {
                      "name": {
                        "type": "string",
                        "maxLength": 200
                      },
                      "service": {
                        "type": "string",
                        "enum": [
                          "rss",
                          "twitter_v2",
                          "pinterest",
                          "youtube",
                          "instagram_graph_api",
                          "instagram_basic_display",
                          "facebook",
                          "linkedin",
                          "tiktok",
                          "google_review",
                          "bluesky",
                          "flickr",
                          "vimeo"
                        ]
                      },
                      "feed_attributes": {
                        "type": "object",
                        "additionalProperties": {
                          "type": "string"
                        },
                        "description": "`feed[feed_attributes][url]=...`"
                      },
                      "moderation_type": {
                        "type": "string",
                        "enum": [
                          "saved_to_inbox",
                          "ai_moderation",
                          "auto_publish"
                        ]
                      },
                      "enabled": {
                        "type": "string",
                        "enum": [
                          "true",
                          "false"
                        ]
                      }
                    },
                    "additionalProperties": false
                  }
                },
                "additionalProperties": false
              },
              "SectionCreateRequest": {
                "description": "`{\"name\": ...}` or `{\"section\": {\"name\": ...}}`.",
                "anyOf": [
                  {
                    "type": "object",
                    "required": [
                      "name"
                    ],
                    "additionalProperties": false,
                    "properties": {
                      "name": {
                        "type": "string",
                        "minLength": 1,
                        "maxLength": 200,
                        "description": "Trimmed; must not be blank."
                      }
                    }
                  },
                  {
                    "type": "object",
                    "required": [
                      "section"
                    ],
                    "additionalProperties": false,
                    "properties": {
                      "section": {
                        "type": "object",
                        "required": [
                          "name"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "name": {
                            "type": "string",
                            "minLength": 1,
                            "maxLength": 200
                          }
                        }
                      }
                    }
                  }
                ],
                "example": {
                  "name": "News"
                }
              },
              "Health": {
                "type": "object",
                "required": [
                  "status",
                  "sites"
                ],
                "properties": {
                  "status": {
                    "const": "ok"
                  },
                  "sites": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "How many sites the installation has."
                  }
                },
                "additionalProperties": false
              },
              "ErrorDetail": {
                "type": "object",
                "required": [
                  "field",
                  "message"
                ],
                "properties": {
                  "field": {
                    "type": "string",
                    "description": "The parameter or body field, e.g. `count` or `feed.feed_attributes.url`."
                  },
                  "message": {
                    "type": "string"
                  }
                },
                "additionalProperties": false
              },
              "Error": {
                "type": "object",
                "description": "Every error's body (SPEC 3.2); the status code says the class.",
                "required": [
                  "error"
                ],
                "properties": {
                  "error": {
                    "type": "object",
                    "required": [
                      "type",
                      "message",
                      "code",
                      "details"
                    ],
                    "properties": {
                      "type": {
                        "type": "string",
                        "enum": [
                          "validation_error",
                          "authentication_error",
                          "permission_error",
                          "not_found",
                          "conflict",
                          "payload_too_large",
                          "rate_limited",
                          "server_error",
                          "method_not_allowed"
                        ]
                      },
                      "message": {
                        "type": "string"
                      },
                      "code": {
                        "type": "string",
                        "enum": [
                          "VALIDATION_ERROR",
                          "AUTHENTICATION_ERROR",
                          "PERMISSION_ERROR",
                          "NOT_FOUND",
                          "CONFLICT",
                          "PAYLOAD_TOO_LARGE",
                          "RATE_LIMITED",
                          "SERVER_ERROR",
                          "METHOD_NOT_ALLOWED"
                        ]
                      },
                      "details": {
                        "type": "array",
                        "items": {
                          "$ref": "#/components/schemas/ErrorDetail"
                        }
                      }
                    },
                    "additionalProperties": false
                  }
                },
                "additionalProperties": false,
                "example": {
                  "error": {
                    "type": "validation_error",
                    "message": "count must be between 1 and 100",
                    "code": "VALIDATION_ERROR",
                    "details": [
                      {
                        "field": "count",
                        "message": "must be between 1 and 100"
                      }
                    ]
                  }
                }
              },
              "ModerationState": {
                "type": "string",
                "enum": [
                  "published",
                  "hidden",
                  "inbox"
                ]
              },
              "Reason": {
                "type": "object",
                "description": "One rule that fired.",
                "required": [
                  "rule",
                  "type",
                  "detail"
                ],
                "properties": {
                  "rule": {
                    "type": "string",
                    "description": "The rule's `id`."
                  },
                  "type": {
                    "type": "string",
                    "enum": [
                      "keywords",
                      "authors",
                      "regex",
                      "media",
                      "length",
                      "language",
                      "channels",
                      "profanity",
                      "spam"
                    ]
                  },
                  "detail": {
                    "type": "string",
                    "description": "What it matched, e.g. `matched 'spoiler' in title`."
                  }
                },
                "additionalProperties": false
              },
              "Moderation": {
                "type": "object",
                "description": "Where a post stands in moderation and why (SPEC 3.5).",
                "required": [
                  "state",
                  "decidedBy",
                  "score",
                  "reasons",
                  "decidedAt"
                ],
                "properties": {
                  "state": {
                    "$ref": "#/components/schemas/ModerationState"
                  },
                  "decidedBy": {
                    "type": "string",
                    "enum": [
                      "auto",
                      "rules",
                      "operator"
                    ],
                    "description": "`auto`: the feed's mode alone; `rules`: the rule engine; `operator`: an admin key's publish or hide."
                  },
                  "score": {
                    "type": [
                      "number",
                      "null"
                    ],
                    "minimum": 0,
                    "maximum": 1,
                    "description": "The summed weight of the `score` rules that fired (ai_moderation, capped at 1); else null."
                  },
                  "reasons": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/Reason"
                    },
                    "description": "Every rule that fired; empty for operator decisions."
                  },
                  "decidedAt": {
                    "type": "string",
                    "format": "date-time",
                    "description": "UTC with milliseconds; when the post was stored if nothing decided since."
                  }
                },
                "additionalProperties": false
              },
              "HistoryEntry": {
                "type": "object",
                "description": "One event of a post: `decide` (when stored), `reevaluate` (a rule change), or an operator action.",
                "required": [
                  "id",
                  "flocklerId",
                  "at",
                  "actor",
                  "keyId",
                  "action",
                  "fromState",
                  "toState",
                  "detail"
                ],
                "properties": {
                  "id": {
                    "type": "integer",
                    "format": "int64",
                    "minimum": 1,
                    "description": "Increasing; the audit log's `before` cursor."
                  },
                  "flocklerId": {
                    "type": "integer",
                    "format": "int64",
                    "minimum": 1
                  },
                  "at": {
                    "type": "string",
                    "format": "date-time",
                    "description": "UTC with milliseconds."
                  },
                  "actor": {
                    "type": "string",
                    "enum": [
                      "auto",
                      "rules",
                      "operator"
                    ]
                  },
                  "keyId": {
                    "type": [
                      "integer",
                      "null"
                    ],
                    "format": "int64",
                    "description": "The admin key of an operator action; null otherwise."
                  },
                  "action": {
                    "type": "string",
                    "enum": [
                      "decide",
                      "reevaluate",
                      "publish",
                      "hide",
                      "pin",
                      "unpin",
                      "tags"
                    ]
                  },
                  "fromState": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "enum": [
                      "published",
                      "hidden",
                      "inbox",
                      null
                    ],
                    "description": "Null for `decide`."
                  },
                  "toState": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "enum": [
                      "published",
                      "hidden",
                      "inbox",
                      null
                    ]
                  },
                  "detail": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "E.g. the reasons of a decision, `at index 2` for `pin`, the new tags for `tags`."
                  }
                },
                "additionalProperties": false
              },
              "PinRequest": {
                "type": "object",
                "required": [
                  "index"
                ],
                "additionalProperties": false,
                "properties": {
                  "index": {
                    "type": "integer",
                    "minimum": 0,
                    "maximum": 10000,
                    "description": "The place among the pinned posts; a taken index shifts the others down (a list insert), and an index past the end pins last."
                  }
                },
                "example": {
                  "index": 0
                }
              },
              "TagsRequest": {
                "type": "object",
                "required": [
                  "tags"
                ],
                "additionalProperties": false,
                "properties": {
                  "tags": {
                    "type": "array",
                    "maxItems": 100,
                    "items": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 100
                    },
                    "description": "Replaces the post's tags. Each is trimmed and must then hold 1 to 100 characters; repeats (case-insensitive) are dropped."
                  }
                },
                "example": {
                  "tags": [
                    "news",
                    "featured"
                  ]
                }
              },
              "BatchRequest": {
                "type": "object",
                "required": [
                  "action",
                  "ids"
                ],
                "additionalProperties": false,
                "properties": {
                  "action": {
                    "type": "string",
                    "enum": [
                      "publish",
                      "hide"
                    ]
                  },
                  "ids": {
                    "type": "array",
                    "minItems": 1,
                    "maxItems": 1000,
                    "items": {
                      "type": "integer",
                      "format": "int64",
                      "minimum": 1
                    },
                    "description": "The posts' `flocklerId`s. All or nothing: if any is not a post of the site, nothing changes (404)."
                  }
                },
                "example": {
                  "action": "publish",
                  "ids": [
                    101,
                    102
                  ]
                }
              },
              "BatchResult": {
                "type": "object",
                "required": [
                  "updated"
                ],
                "additionalProperties": false,
                "properties": {
                  "updated": {
                    "type": "integer",
                    "minimum": 1,
                    "description": "How many distinct posts the action was applied to."
                  }
                }
              },
              "Thresholds": {
                "type": "object",
                "description": "Score limits of `ai_moderation`: a summed score at or above `hide` hides, at or below `publish` publishes, otherwise the post waits in the inbox. `publish` must be below `hide`.",
                "properties": {
                  "publish": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1,
                    "default": 0.3
                  },
                  "hide": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1,
                    "default": 0.7
                  }
                },
                "additionalProperties": false
              },
              "KeywordsRule": {
                "type": "object",
                "title": "keywords rule",
                "description": "Fires when a word or phrase occurs in the title, text or tags (whole words, case- and accent-insensitive).",
                "required": [
                  "id",
                  "type",
                  "action",
                  "words"
                ],
                "properties": {
                  "id": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 100,
                    "description": "Unique within the rule set; named in `reasons[].rule`."
                  },
                  "action": {
                    "type": "string",
                    "enum": [
                      "hide",
                      "inbox",
                      "publish",
                      "score"
                    ],
                    "description": "What firing does: `hide` wins over everything in every mode, then `publish`, then `inbox`; `score` adds `weight` (ai_moderation feeds only)."
                  },
                  "weight": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1,
                    "description": "Required for `score` rules, and only allowed on them."
                  },
                  "type": {
                    "const": "keywords"
                  },
                  "words": {
                    "type": "array",
                    "minItems": 1,
                    "maxItems": 1000,
                    "description": "Words or phrases.",
                    "items": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 200,
                      "pattern": "\\S",
                      "description": "Not blank; at most 200 characters."
                    }
                  }
                },
                "additionalProperties": false
              },
              "AuthorsRule": {
                "type": "object",
                "title": "authors rule",
                "description": "Fires when the author's username or name is listed.",
                "required": [
                  "id",
                  "type",
                  "action",
                  "usernames"
                ],
                "properties": {
                  "id": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 100,
                    "description": "Unique within the rule set; named in `reasons[].rule`."
                  },
                  "action": {
                    "type": "string",
                    "enum": [
                      "hide",
                      "inbox",
                      "publish",
                      "score"
                    ],
                    "description": "What firing does: `hide` wins over everything in every mode, then `publish`, then `inbox`; `score` adds `weight` (ai_moderation feeds only)."
                  },
                  "weight": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1,
                    "description": "Required for `score` rules, and only allowed on them."
                  },
                  "type": {
                    "const": "authors"
                  },
                  "usernames": {
                    "type": "array",
                    "minItems": 1,
                    "maxItems": 1000,
                    "description": "Usernames or names.",
                    "items": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 200,
                      "pattern": "\\S",
                      "description": "Not blank; at most 200 characters."
                    }
                  }
                },
                "additionalProperties": false
              },
              "RegexRule": {
                "type": "object",
                "title": "regex rule",
                "description": "Fires when the pattern matches one of the fields (each field's first 10000 characters are looked at).",
                "required": [
                  "id",
                  "type",
                  "action",
                  "pattern"
                ],
                "properties": {
                  "id": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 100,
                    "description": "Unique within the rule set; named in `reasons[].rule`."
                  },
                  "action": {
                    "type": "string",
                    "enum": [
                      "hide",
                      "inbox",
                      "publish",
                      "score"
                    ],
                    "description": "What firing does: `hide` wins over everything in every mode, then `publish`, then `inbox`; `score` adds `weight` (ai_moderation feeds only)."
                  },
                  "weight": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1,
                    "description": "Required for `score` rules, and only allowed on them."
                  },
                  "type": {
                    "const": "regex"
                  },
                  "pattern": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 500,
                    "description": "An ICU regular expression; refused (422) when invalid, longer than 500 characters, with a quantified group that is itself quantified (e.g. `(a+)+`), or with back-references."
                  },
                  "fields": {
                    "type": "array",
                    "minItems": 1,
                    "default": [
                      "title",
                      "text"
                    ],
                    "items": {
                      "type": "string",
                      "enum": [
                        "title",
                        "text",
                        "tags",
                        "author",
                        "url"
                      ]
                    },
                    "description": "The fields to search; left out: `title` and `text`. Always present in answers."
                  }
                },
                "additionalProperties": false
              },
              "MediaRule": {
                "type": "object",
                "title": "media rule",
                "description": "Fires when the post lacks that media.",
                "required": [
                  "id",
                  "type",
                  "action",
                  "require"
                ],
                "properties": {
                  "id": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 100,
                    "description": "Unique within the rule set; named in `reasons[].rule`."
                  },
                  "action": {
                    "type": "string",
                    "enum": [
                      "hide",
                      "inbox",
                      "publish",
                      "score"
                    ],
                    "description": "What firing does: `hide` wins over everything in every mode, then `publish`, then `inbox`; `score` adds `weight` (ai_moderation feeds only)."
                  },
                  "weight": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1,
                    "description": "Required for `score` rules, and only allowed on them."
                  },
                  "type": {
                    "const": "media"
                  },
                  "require": {
                    "type": "string",
                    "enum": [
                      "image",
                      "video",
                      "any"
                    ]
                  }
                },
                "additionalProperties": false
              },
              "LengthRule": {
                "type": "object",
                "title": "length rule",
                "description": "Fires when `textPlain` is shorter than `min` or longer than `max`. At least one of them; `min` must not exceed `max`.",
                "required": [
                  "id",
                  "type",
                  "action"
                ],
                "properties": {
                  "id": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 100,
                    "description": "Unique within the rule set; named in `reasons[].rule`."
                  },
                  "action": {
                    "type": "string",
                    "enum": [
                      "hide",
                      "inbox",
                      "publish",
                      "score"
                    ],
                    "description": "What firing does: `hide` wins over everything in every mode, then `publish`, then `inbox`; `score` adds `weight` (ai_moderation feeds only)."
                  },
                  "weight": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1,
                    "description": "Required for `score` rules, and only allowed on them."
                  },
                  "type": {
                    "const": "length"
                  },
                  "min": {
                    "type": "integer",
                    "minimum": 0
                  },
                  "max": {
                    "type": "integer",
                    "minimum": 0
                  }
                },
                "additionalProperties": false,
                "anyOf": [
                  {
                    "required": [
                      "min"
                    ]
                  },
                  {
                    "required": [
                      "max"
                    ]
                  }
                ]
              },
              "LanguageRule": {
                "type": "object",
                "title": "language rule",
                "description": "Fires when the detected language of the text is not in the list.",
                "required": [
                  "id",
                  "type",
                  "action",
                  "allow"
                ],
                "properties": {
                  "id": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 100,
                    "description": "Unique within the rule set; named in `reasons[].rule`."
                  },
                  "action": {
                    "type": "string",
                    "enum": [
                      "hide",
                      "inbox",
                      "publish",
                      "score"
                    ],
                    "description": "What firing does: `hide` wins over everything in every mode, then `publish`, then `inbox`; `score` adds `weight` (ai_moderation feeds only)."
                  },
                  "weight": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1,
                    "description": "Required for `score` rules, and only allowed on them."
                  },
                  "type": {
                    "const": "language"
                  },
                  "allow": {
                    "type": "array",
                    "minItems": 1,
                    "maxItems": 1000,
                    "description": "Language codes such as `en` or `fi` (stored lowercased).",
                    "items": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 200,
                      "pattern": "\\S",
                      "description": "Not blank; at most 200 characters."
                    }
                  }
                },
                "additionalProperties": false
              },
              "ChannelsRule": {
                "type": "object",
                "title": "channels rule",
                "description": "Fires when the post comes from one of these channels.",
                "required": [
                  "id",
                  "type",
                  "action",
                  "channels"
                ],
                "properties": {
                  "id": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 100,
                    "description": "Unique within the rule set; named in `reasons[].rule`."
                  },
                  "action": {
                    "type": "string",
                    "enum": [
                      "hide",
                      "inbox",
                      "publish",
                      "score"
                    ],
                    "description": "What firing does: `hide` wins over everything in every mode, then `publish`, then `inbox`; `score` adds `weight` (ai_moderation feeds only)."
                  },
                  "weight": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1,
                    "description": "Required for `score` rules, and only allowed on them."
                  },
                  "type": {
                    "const": "channels"
                  },
                  "channels": {
                    "type": "array",
                    "minItems": 1,
                    "maxItems": 1000,
                    "description": "Channel names such as `rss` or `instagram` (stored lowercased).",
                    "items": {
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 200,
                      "pattern": "\\S",
                      "description": "Not blank; at most 200 characters."
                    }
                  }
                },
                "additionalProperties": false
              },
              "ProfanityRule": {
                "type": "object",
                "title": "profanity rule",
                "description": "Fires when the built-in multilingual profanity lexicon matches.",
                "required": [
                  "id",
                  "type",
                  "action"
                ],
                "properties": {
                  "id": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 100,
                    "description": "Unique within the rule set; named in `reasons[].rule`."
                  },
                  "action": {
                    "type": "string",
                    "enum": [
                      "hide",
                      "inbox",
                      "publish",
                      "score"
                    ],
                    "description": "What firing does: `hide` wins over everything in every mode, then `publish`, then `inbox`; `score` adds `weight` (ai_moderation feeds only)."
                  },
                  "weight": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1,
                    "description": "Required for `score` rules, and only allowed on them."
                  },
                  "type": {
                    "const": "profanity"
                  }
                },
                "additionalProperties": false
              },
              "SpamRule": {
                "type": "object",
                "title": "spam rule",
                "description": "Fires on spam signals: hashtag or link stuffing, repeated characters, shouting, a near-duplicate of a recent post.",
                "required": [
                  "id",
                  "type",
                  "action"
                ],
                "properties": {
                  "id": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 100,
                    "description": "Unique within the rule set; named in `reasons[].rule`."
                  },
                  "action": {
                    "type": "string",
                    "enum": [
                      "hide",
                      "inbox",
                      "publish",
                      "score"
                    ],
                    "description": "What firing does: `hide` wins over everything in every mode, then `publish`, then `inbox`; `score` adds `weight` (ai_moderation feeds only)."
                  },
                  "weight": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1,
                    "description": "Required for `score` rules, and only allowed on them."
                  },
                  "type": {
                    "const": "spam"
                  }
                },
                "additionalProperties": false
              },
              "Rule": {
                "description": "One rule: `{id, type, action, weight (score rules only), ...the type's parameters}`. Unknown members are a 422.",
                "oneOf": [
                  {
                    "$ref": "#/components/schemas/KeywordsRule"
                  },
                  {
                    "$ref": "#/components/schemas/AuthorsRule"
                  },
                  {
                    "$ref": "#/components/schemas/RegexRule"
                  },
                  {
                    "$ref": "#/components/schemas/MediaRule"
                  },
                  {
                    "$ref": "#/components/schemas/LengthRule"
                  },
                  {
                    "$ref": "#/components/schemas/LanguageRule"
                  },
                  {
                    "$ref": "#/components/schemas/ChannelsRule"
                  },
                  {
                    "$ref": "#/components/schemas/ProfanityRule"
                  },
                  {
                    "$ref": "#/components/schemas/SpamRule"
                  }
                ],
                "discriminator": {
                  "propertyName": "type",
                  "mapping": {
                    "keywords": "#/components/schemas/KeywordsRule",
                    "authors": "#/components/schemas/AuthorsRule",
                    "regex": "#/components/schemas/RegexRule",
                    "media": "#/components/schemas/MediaRule",
                    "length": "#/components/schemas/LengthRule",
                    "language": "#/components/schemas/LanguageRule",
                    "channels": "#/components/schemas/ChannelsRule",
                    "profanity": "#/components/schemas/ProfanityRule",
                    "spam": "#/components/schemas/SpamRule"
                  }
                },
                "if": {
                  "required": [
                    "action"
                  ],
                  "properties": {
                    "action": {
                      "const": "score"
                    }
                  }
                },
                "then": {
                  "required": [
                    "weight"
                  ]
                },
                "else": {
                  "not": {
                    "required": [
                      "weight"
                    ]
                  }
                }
              },
              "RuleSet": {
                "type": "object",
                "description": "A site's rules and thresholds (SPEC 3.5).",
                "required": [
                  "rules",
                  "thresholds"
                ],
                "properties": {
                  "rules": {
                    "type": "array",
                    "maxItems": 500,
                    "items": {
                      "$ref": "#/components/schemas/Rule"
                    }
                  },
                  "thresholds": {
                    "$ref": "#/components/schemas/Thresholds"
                  }
                },
                "additionalProperties": false,
                "example": {
                  "rules": [
                    {
                      "id": "no-spoilers",
                      "type": "keywords",
                      "action": "hide",
                      "words": [
                        "spoiler"
                      ]
                    },
                    {
                      "id": "needs-image",
                      "type": "media",
                      "action": "score",
                      "weight": 0.4,
                      "require": "image"
                    }
                  ],
                  "thresholds": {
                    "publish": 0.3,
                    "hide": 0.7
                  }
                }
              },
              "RuleSetRequest": {
                "type": "object",
                "description": "A rule set to save or preview. `rules` left out: no rules; `thresholds` (or either member) left out: 0.3 and 0.7. Every problem is a 422 naming its field, e.g. `rules[2].pattern`.",
                "properties": {
                  "rules": {
                    "type": "array",
                    "maxItems": 500,
                    "items": {
                      "$ref": "#/components/schemas/Rule"
                    },
                    "description": "Rule ids must not repeat."
                  },
                  "thresholds": {
                    "$ref": "#/components/schemas/Thresholds"
                  }
                },
                "additionalProperties": false
              },
              "SavedRuleSet": {
                "type": "object",
                "description": "The saved rule set; with `reevaluated` when `reevaluate=true`.",
                "required": [
                  "rules",
                  "thresholds"
                ],
                "properties": {
                  "rules": {
                    "type": "array",
                    "maxItems": 500,
                    "items": {
                      "$ref": "#/components/schemas/Rule"
                    }
                  },
                  "thresholds": {
                    "$ref": "#/components/schemas/Thresholds"
                  },
                  "reevaluated": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "How many inbox posts changed state when decided again (only with `reevaluate=true`)."
                  }
                },
                "additionalProperties": false
              },
              "PreviewItem": {
                "type": "object",
                "description": "What a rule set would decide for one recent post (nothing is changed).",
                "required": [
                  "flocklerId",
                  "title",
                  "currentState",
                  "state",
                  "decidedBy",
                  "score",
                  "reasons",
                  "operatorDecided"
                ],
                "properties": {
                  "flocklerId": {
                    "type": "integer",
                    "format": "int64",
                    "minimum": 1
                  },
                  "title": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "currentState": {
                    "$ref": "#/components/schemas/ModerationState"
                  },
                  "state": {
                    "$ref": "#/components/schemas/ModerationState"
                  },
                  "decidedBy": {
                    "type": "string",
                    "enum": [
                      "auto",
                      "rules"
                    ]
                  },
                  "score": {
                    "type": [
                      "number",
                      "null"
                    ],
                    "minimum": 0,
                    "maximum": 1
                  },
                  "reasons": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/Reason"
                    }
                  },
                  "operatorDecided": {
                    "type": "boolean",
                    "description": "True when an operator decided the post: saving the rules would not change it."
                  }
                },
                "additionalProperties": false
              },
              "PostWithModeration": {
                "type": "object",
                "description": "A post in any state: the `FlocklerPost` members plus `moderation` (admin endpoints).",
                "required": [
                  "flocklerId",
                  "channel",
                  "sourceId",
                  "sourceUrl",
                  "title",
                  "textRich",
                  "textPlain",
                  "publishedAt",
                  "from",
                  "tags",
                  "images",
                  "videos",
                  "postType",
                  "ctaLink",
                  "attachments",
                  "pinnedIndex",
                  "moderation"
                ],
                "properties": {
                  "flocklerId": {
                    "type": "integer",
                    "format": "int64",
                    "minimum": 1,
                    "description": "Positive, unique within the installation."
                  },
                  "channel": {
                    "type": "string",
                    "description": "Where the post comes from: `rss` for every feed format, else the platform (`twitter`, `instagram`, `youtube`, `bluesky`, ...).",
                    "examples": [
                      "bluesky",
                      "facebook",
                      "flickr",
                      "flockler",
                      "google_review",
                      "instagram",
                      "link",
                      "linkedin",
                      "pinterest",
                      "review",
                      "rss",
                      "tiktok",
                      "twitter",
                      "vimeo",
                      "youtube"
                    ]
                  },
                  "sourceId": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "The source's own id for the entry."
                  },
                  "sourceUrl": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "uri",
                    "description": "The entry's absolute link."
                  },
                  "title": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "Plain-text title."
                  },
                  "textRich": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "Sanitized HTML of the richest body."
                  },
                  "textPlain": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "The body as plain text."
                  },
                  "publishedAt": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "date-time",
                    "description": "UTC with milliseconds, e.g. `2025-05-08T04:43:21.000Z`; null when the source gives no date."
                  },
                  "from": {
                    "$ref": "#/components/schemas/PostAuthor"
                  },
                  "tags": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    },
                    "description": "Category terms, then hashtags, each once."
                  },
                  "images": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/PostImage"
                    }
                  },
                  "videos": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/PostVideo"
                    }
                  },
                  "postType": {
                    "type": "string",
                    "enum": [
                      "video",
                      "image",
                      "link",
                      "text"
                    ],
                    "description": "`video` if there are videos, else `image` if there are images, else `link` if the post has a link, else `text`."
                  },
                  "ctaLink": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "uri",
                    "description": "A call-to-action link; feeds never have one."
                  },
                  "attachments": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/PostAttachment"
                    }
                  },
                  "pinnedIndex": {
                    "type": [
                      "integer",
                      "null"
                    ],
                    "minimum": 0,
                    "description": "The post's place among the pinned posts; null when not pinned."
                  },
                  "moderation": {
                    "$ref": "#/components/schemas/Moderation"
                  }
                },
                "additionalProperties": false
              },
              "PostDetail": {
                "type": "object",
                "description": "One post with `moderation` and its whole history, oldest first.",
                "required": [
                  "flocklerId",
                  "channel",
                  "sourceId",
                  "sourceUrl",
                  "title",
                  "textRich",
                  "textPlain",
                  "publishedAt",
                  "from",
                  "tags",
                  "images",
                  "videos",
                  "postType",
                  "ctaLink",
                  "attachments",
                  "pinnedIndex",
                  "moderation",
                  "history"
                ],
                "properties": {
                  "flocklerId": {
                    "type": "integer",
                    "format": "int64",
                    "minimum": 1,
                    "description": "Positive, unique within the installation."
                  },
                  "channel": {
                    "type": "string",
                    "description": "Where the post comes from: `rss` for every feed format, else the platform (`twitter`, `instagram`, `youtube`, `bluesky`, ...).",
                    "examples": [
                      "bluesky",
                      "facebook",
                      "flickr",
                      "flockler",
                      "google_review",
                      "instagram",
                      "link",
                      "linkedin",
                      "pinterest",
                      "review",
                      "rss",
                      "tiktok",
                      "twitter",
                      "vimeo",
                      "youtube"
                    ]
                  },
                  "sourceId": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "The source's own id for the entry."
                  },
                  "sourceUrl": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "uri",
                    "description": "The entry's absolute link."
                  },
                  "title": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "Plain-text title."
                  },
                  "textRich": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "Sanitized HTML of the richest body."
                  },
                  "textPlain": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "The body as plain text."
                  },
                  "publishedAt": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "date-time",
                    "description": "UTC with milliseconds, e.g. `2025-05-08T04:43:21.000Z`; null when the source gives no date."
                  },
                  "from": {
                    "$ref": "#/components/schemas/PostAuthor"
                  },
                  "tags": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    },
                    "description": "Category terms, then hashtags, each once."
                  },
                  "images": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/PostImage"
                    }
                  },
                  "videos": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/PostVideo"
                    }
                  },
                  "postType": {
                    "type": "string",
                    "enum": [
                      "video",
                      "image",
                      "link",
                      "text"
                    ],
                    "description": "`video` if there are videos, else `image` if there are images, else `link` if the post has a link, else `text`."
                  },
                  "ctaLink": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "uri",
                    "description": "A call-to-action link; feeds never have one."
                  },
                  "attachments": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/PostAttachment"
                    }
                  },
                  "pinnedIndex": {
                    "type": [
                      "integer",
                      "null"
                    ],
                    "minimum": 0,
                    "description": "The post's place among the pinned posts; null when not pinned."
                  },
                  "moderation": {
                    "$ref": "#/components/schemas/Moderation"
                  },
                  "history": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/HistoryEntry"
                    }
                  }
                },
                "additionalProperties": false
              },
              "InboxPage": {
                "type": "object",
                "required": [
                  "meta",
                  "pagination",
                  "posts"
                ],
                "properties": {
                  "meta": {
                    "type": "object",
                    "required": [
                      "statsApiEndpoint"
                    ],
                    "properties": {
                      "statsApiEndpoint": {
                        "type": [
                          "string",
                          "null"
                        ],
                        "description": "Kept for Flockler compatibility; Roost has no statistics endpoint, so it is null."
                      }
                    },
                    "additionalProperties": false
                  },
                  "pagination": {
                    "type": "object",
                    "required": [
                      "newer",
                      "older"
                    ],
                    "properties": {
                      "newer": {
                        "type": [
                          "string",
                          "null"
                        ],
                        "format": "uri",
                        "description": "Absolute link to posts sorting before the first post of this page (for polling); null only with `order=random`. Keeps every filter and `count`, never the key."
                      },
                      "older": {
                        "type": [
                          "string",
                          "null"
                        ],
                        "format": "uri",
                        "description": "Absolute link to the next page of older posts; null when there are none or with `order=random`."
                      }
                    },
                    "additionalProperties": false
                  },
                  "posts": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/PostWithModeration"
                    },
                    "maxItems": 100
                  }
                },
                "additionalProperties": false,
                "description": "The posts waiting for a decision, in the posts envelope; links point at the inbox."
              },
              "PostResult": {
                "allOf": [
                  {
                    "$ref": "#/components/schemas/ResultEnvelope"
                  },
                  {
                    "properties": {
                      "result": {
                        "properties": {
                          "data": {
                            "$ref": "#/components/schemas/PostWithModeration"
                          }
                        }
                      }
                    }
                  }
                ]
              },
              "PostDetailResult": {
                "allOf": [
                  {
                    "$ref": "#/components/schemas/ResultEnvelope"
                  },
                  {
                    "properties": {
                      "result": {
                        "properties": {
                          "data": {
                            "$ref": "#/components/schemas/PostDetail"
                          }
                        }
                      }
                    }
                  }
                ]
              },
              "BatchResultEnvelope": {
                "allOf": [
                  {
                    "$ref": "#/components/schemas/ResultEnvelope"
                  },
                  {
                    "properties": {
                      "result": {
                        "properties": {
                          "data": {
                            "$ref": "#/components/schemas/BatchResult"
                          }
                        }
                      }
                    }
                  }
                ]
              },
              "RuleSetResult": {
                "allOf": [
                  {
                    "$ref": "#/components/schemas/ResultEnvelope"
                  },
                  {
                    "properties": {
                      "result": {
                        "properties": {
                          "data": {
                            "$ref": "#/components/schemas/RuleSet"
                          }
                        }
                      }
                    }
                  }
                ]
              },
              "SavedRuleSetResult": {
                "allOf": [
                  {
                    "$ref": "#/components/schemas/ResultEnvelope"
                  },
                  {
                    "properties": {
                      "result": {
                        "properties": {
                          "data": {
                            "$ref": "#/components/schemas/SavedRuleSet"
                          }
                        }
                      }
                    }
                  }
                ]
              },
              "PreviewResult": {
                "allOf": [
                  {
                    "$ref": "#/components/schemas/ResultEnvelope"
                  },
                  {
                    "properties": {
                      "result": {
                        "properties": {
                          "data": {
                            "type": "array",
                            "maxItems": 200,
                            "items": {
                              "$ref": "#/components/schemas/PreviewItem"
                            }
                          }
                        }
                      }
                    }
                  }
                ]
              },
              "AuditLogResult": {
                "allOf": [
                  {
                    "$ref": "#/components/schemas/ResultEnvelope"
                  },
                  {
                    "properties": {
                      "result": {
                        "properties": {
                          "data": {
                            "type": "array",
                            "maxItems": 500,
                            "items": {
                              "$ref": "#/components/schemas/HistoryEntry"
                            }
                          }
                        }
                      }
                    }
                  }
                ]
              },
              "Connection": {
                "type": "object",
                "required": [
                  "id",
                  "uuid",
                  "service",
                  "name",
                  "credentials",
                  "created_at",
                  "updated_at"
                ],
                "additionalProperties": false,
                "properties": {
                  "id": {
                    "type": "integer"
                  },
                  "uuid": {
                    "type": "string"
                  },
                  "service": {
                    "type": "string"
                  },
                  "name": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "credentials": {
                    "type": "object",
                    "additionalProperties": {
                      "type": "string"
                    },
                    "description": "Every stored field; secret values read `[stored]`, non-secret ones (a Bluesky identifier, a TikTok client_key) as stored."
                  },
                  "created_at": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "updated_at": {
                    "type": "string",
                    "format": "date-time",
                    "description": "When the credentials last changed (a refreshed token changes it)."
                  }
                }
              },
              "ConnectionCreateRequest": {
                "type": "object",
                "required": [
                  "service",
                  "credentials"
                ],
                "additionalProperties": false,
                "properties": {
                  "service": {
                    "type": "string",
                    "enum": [
                      "twitter_v2",
                      "instagram_graph_api",
                      "facebook",
                      "linkedin",
                      "tiktok",
                      "google_review",
                      "bluesky",
                      "vimeo"
                    ]
                  },
                  "name": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "maxLength": 200
                  },
                  "credentials": {
                    "type": "object",
                    "additionalProperties": {
                      "type": "string"
                    }
                  }
                },
                "example": {
                  "service": "twitter_v2",
                  "name": "Brand account",
                  "credentials": {
                    "bearer_token": "AAAA..."
                  }
                }
              },
              "ConnectionResult": {
                "type": "object",
                "required": [
                  "result"
                ],
                "properties": {
                  "result": {
                    "type": "object",
                    "required": [
                      "success",
                      "data"
                    ],
                    "properties": {
                      "success": {
                        "type": "boolean"
                      },
                      "data": {
                        "$ref": "#/components/schemas/Connection"
                      }
                    }
                  }
                }
              },
              "ConnectionListResult": {
                "type": "object",
                "required": [
                  "result"
                ],
                "properties": {
                  "result": {
                    "type": "object",
                    "required": [
                      "success",
                      "data"
                    ],
                    "properties": {
                      "success": {
                        "type": "boolean"
                      },
                      "data": {
                        "type": "array",
                        "items": {
                          "$ref": "#/components/schemas/Connection"
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
        """#
}
