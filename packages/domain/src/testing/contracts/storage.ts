import { announcementRepoContract } from "./AnnouncementRepo.js"
import { auditLogContract } from "./AuditLog.js"
import { buyRepoContract } from "./BuyRepo.js"
import { cartRepoContract } from "./CartRepo.js"
import { catalogRepoContract } from "./CatalogRepo.js"
import { catalogStagingContract } from "./CatalogStaging.js"
import { chainDepositRepoContract } from "./ChainDepositRepo.js"
import { depositAddressRepoContract } from "./DepositAddressRepo.js"
import { depositRepoContract } from "./DepositRepo.js"
import { ledgerRepoContract } from "./LedgerRepo.js"
import { paymentRepoContract } from "./PaymentRepo.js"
import { promptRepoContract } from "./PromptRepo.js"
import { shopFrontRepoContract } from "./ShopFrontRepo.js"
import type { ContractLayer, StoragePorts } from "./support.js"
import { transactorContract } from "./Transactor.js"
import { userRepoContract } from "./UserRepo.js"
import { withdrawalGuardContracts } from "./WithdrawalGuardRepos.js"
import { withdrawalRepoContract } from "./WithdrawalRepo.js"

/** Registers the contract of every storage port against one storage adapter. */
export const storageContracts = (name: string, layer: ContractLayer<StoragePorts>) => {
  userRepoContract(name, layer)
  ledgerRepoContract(name, layer)
  catalogRepoContract(name, layer)
  catalogStagingContract(name, layer)
  cartRepoContract(name, layer)
  buyRepoContract(name, layer)
  paymentRepoContract(name, layer)
  depositRepoContract(name, layer)
  withdrawalRepoContract(name, layer)
  withdrawalGuardContracts(name, layer)
  promptRepoContract(name, layer)
  depositAddressRepoContract(name, layer)
  chainDepositRepoContract(name, layer)
  announcementRepoContract(name, layer)
  auditLogContract(name, layer)
  shopFrontRepoContract(name, layer)
  transactorContract(name, layer)
}
