from fastapi import APIRouter

from punchcard.kit.http import Session
from punchcard.staff.auth import CurrentActor
from punchcard.wallet import design_service
from punchcard.wallet.schemas import WalletDesignIn, WalletDesignOut

router = APIRouter(tags=["Wallet cards"])


@router.get(
    "/programs/{program_id}/wallet-design",
    response_model=WalletDesignOut,
    summary="How the program's wallet cards look (defaults until set)",
)
async def get_wallet_design(program_id: str, session: Session, actor: CurrentActor) -> object:
    """How the program's wallet cards look (defaults until set). **Who:** Owners and managers not
    bound to a location. **Emits:** none.
    """
    return await design_service.get_design(session, actor, program_id)


@router.put(
    "/programs/{program_id}/wallet-design",
    response_model=WalletDesignOut,
    summary="Set the program's wallet card look; cards in wallets update",
)
async def put_wallet_design(
    program_id: str, body: WalletDesignIn, session: Session, actor: CurrentActor
) -> object:
    """Set the program's wallet card look; cards in wallets update. **Who:** Owners and managers not
    bound to a location. **Emits:** none.
    """
    return await design_service.put_design(session, actor, program_id, data=body)
