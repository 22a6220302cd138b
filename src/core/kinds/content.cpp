// Kinds of this area are registered here (see kinds/registry.h): what the union publishes for
// workers to read offline, announcements and 工会知识, and job posts.
#include "core/content/article.h"
#include "core/content/job_post.h"
#include "core/kinds/registry.h"

namespace nx::kinds {

void register_content_kinds(Registry& r) {
  r.add(content::article_kind());
  r.add(content::job_post_kind());
}

}  // namespace nx::kinds
