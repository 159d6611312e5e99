"""Editorial rules the admin enforces beyond Wagtail's own."""

from django.core.exceptions import PermissionDenied

from wagtail import hooks


@hooks.register("before_move_page")
def moves_need_permission_to_move_there(request, page, destination):
    """Wagtail's move confirmation asks for no permission until the move is posted: a team
    sees no confirmation for a page it may not move, or to a place it may not move it to."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied
